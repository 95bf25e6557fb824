package org.hearth.resources;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One community resource as the directory keeps it. Entries are retired, never deleted, because gifts name them.
 * Details not confirmed for {@value #STALE_AFTER_DAYS} days need checking.
 */
@Entity
@Table(name = "community_resource")
public class CommunityResource {

    /**
     * Days after the last confirmation from which an entry is marked "Needs checking". Half a year: mutual-help
     * meetings and pick-up points are run by volunteers and move or change their times about that often (a meeting
     * list changes with the seasons and the venues), yet a supervisor can check some forty entries twice a year; the
     * treatment directory's 90 days follow intake details that change faster.
     */
    public static final int STALE_AFTER_DAYS = 180;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResourceKind kind;

    private String description;
    private String address;
    private String phone;
    private String website;
    private String hours;

    @ElementCollection
    @CollectionTable(name = "community_resource_language", joinColumns = @JoinColumn(name = "resource_id"))
    @Column(name = "language")
    private Set<String> languages = new TreeSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResourceSetting setting;

    @Column(name = "confirmed_on", nullable = false)
    private LocalDate confirmedOn;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CommunityResource() {}

    /** A new entry with these (checked) details, made by {@code by} at {@code at}. */
    public CommunityResource(ResourceDetails details, String by, Instant at) {
        this.createdBy = Objects.requireNonNull(by);
        this.createdAt = Objects.requireNonNull(at);
        apply(details, by, at);
    }

    /** Replaces every detail with these (the caller has checked them and the version read). */
    public final void apply(ResourceDetails details, String by, Instant at) {
        this.name = Objects.requireNonNull(details.name(), "name");
        this.kind = Objects.requireNonNull(details.kind(), "kind");
        this.description = details.description();
        this.address = details.address();
        this.phone = details.phone();
        this.website = details.website();
        this.hours = details.hours();
        this.languages.clear();
        this.languages.addAll(details.languages());
        this.setting = Objects.requireNonNull(details.setting(), "setting");
        this.confirmedOn = Objects.requireNonNull(details.confirmedOn(), "confirmed when?");
        this.updatedBy = Objects.requireNonNull(by);
        this.updatedAt = Objects.requireNonNull(at);
    }

    /** Retires the entry (it stays for the gifts that name it) or brings it back. */
    public void setActive(boolean active, String by, Instant at) {
        this.active = active;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** Whether the details were last confirmed {@value #STALE_AFTER_DAYS} days or more before {@code today}. */
    public boolean needsChecking(LocalDate today) {
        return needsChecking(confirmedOn, today);
    }

    /** Whether details confirmed on {@code confirmedOn} need checking on {@code today}. */
    public static boolean needsChecking(LocalDate confirmedOn, LocalDate today) {
        return !confirmedOn.plusDays(STALE_AFTER_DAYS).isAfter(today);
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public ResourceKind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public String getAddress() {
        return address;
    }

    public String getPhone() {
        return phone;
    }

    public String getWebsite() {
        return website;
    }

    public String getHours() {
        return hours;
    }

    public Set<String> getLanguages() {
        return Collections.unmodifiableSet(languages);
    }

    public ResourceSetting getSetting() {
        return setting;
    }

    public LocalDate getConfirmedOn() {
        return confirmedOn;
    }

    public boolean isActive() {
        return active;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
