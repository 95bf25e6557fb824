package org.hearth.providers;

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
import org.hearth.engagement.LevelOfCare;

/**
 * One program a loved one can be referred to, as the directory keeps it. Entries are retired, never deleted,
 * because referrals name them. Details not confirmed for {@value #STALE_AFTER_DAYS} days are stale.
 */
@Entity
@Table(name = "treatment_provider")
public class TreatmentProvider {

    /** Days after the last confirmation from which an entry is marked as needing a new check. */
    public static final int STALE_AFTER_DAYS = 90;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "locator_id", updatable = false)
    private String locatorId;

    @Column(nullable = false)
    private String name;

    private String street;
    private String city;
    private String state;
    private String zip;
    private String phone;
    private String website;

    @ElementCollection
    @CollectionTable(name = "provider_level_of_care", joinColumns = @JoinColumn(name = "provider_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "level_of_care")
    private Set<LevelOfCare> levelsOfCare = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "provider_medication", joinColumns = @JoinColumn(name = "provider_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "medication")
    private Set<OudMedication> medications = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "provider_payment", joinColumns = @JoinColumn(name = "provider_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "payment")
    private Set<Payment> payments = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "provider_language", joinColumns = @JoinColumn(name = "provider_id"))
    @Column(name = "language")
    private Set<String> languages = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "provider_population", joinColumns = @JoinColumn(name = "provider_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "population")
    private Set<Population> populations = new TreeSet<>();

    @Column(name = "co_occurring_care", nullable = false)
    private boolean coOccurringCare;

    @Column(name = "intake_hours")
    private String intakeHours;

    @Column(name = "typical_wait_days")
    private Integer typicalWaitDays;

    @Column(name = "confirmed_on", nullable = false)
    private LocalDate confirmedOn;

    @Column(nullable = false)
    private boolean active = true;

    private String notes;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TreatmentProvider() {}

    /** A new entry with these details, made by {@code by} at {@code at}; {@code locatorId} may be null. */
    public TreatmentProvider(String locatorId, ProviderDetails details, String by, Instant at) {
        this.locatorId = locatorId;
        this.createdBy = Objects.requireNonNull(by);
        this.createdAt = Objects.requireNonNull(at);
        apply(details, by, at);
    }

    /** Replaces every detail with these (the caller has checked them and the version read). */
    public final void apply(ProviderDetails details, String by, Instant at) {
        this.name = details.name().strip();
        this.street = blankToNull(details.street());
        this.city = blankToNull(details.city());
        this.state = blankToNull(details.state());
        this.zip = blankToNull(details.zip());
        this.phone = blankToNull(details.phone());
        this.website = blankToNull(details.website());
        this.levelsOfCare.clear();
        this.levelsOfCare.addAll(details.levelsOfCare());
        this.medications.clear();
        this.medications.addAll(details.medications());
        this.payments.clear();
        this.payments.addAll(details.payments());
        this.languages.clear();
        this.languages.addAll(details.languages());
        this.populations.clear();
        this.populations.addAll(details.populations());
        this.coOccurringCare = details.coOccurringCare();
        this.intakeHours = blankToNull(details.intakeHours());
        this.typicalWaitDays = details.typicalWaitDays();
        this.confirmedOn = Objects.requireNonNull(details.confirmedOn(), "confirmed when?");
        this.notes = blankToNull(details.notes());
        this.updatedBy = Objects.requireNonNull(by);
        this.updatedAt = Objects.requireNonNull(at);
    }

    /** Retires the entry (it stays for the referrals that name it) or brings it back. */
    public void setActive(boolean active, String by, Instant at) {
        this.active = active;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** Whether the details were last confirmed {@value #STALE_AFTER_DAYS} days or more before {@code today}. */
    public boolean isStale(LocalDate today) {
        return !confirmedOn.plusDays(STALE_AFTER_DAYS).isAfter(today);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getLocatorId() {
        return locatorId;
    }

    public String getName() {
        return name;
    }

    public String getStreet() {
        return street;
    }

    public String getCity() {
        return city;
    }

    public String getState() {
        return state;
    }

    public String getZip() {
        return zip;
    }

    public String getPhone() {
        return phone;
    }

    public String getWebsite() {
        return website;
    }

    public Set<LevelOfCare> getLevelsOfCare() {
        return Collections.unmodifiableSet(levelsOfCare);
    }

    public Set<OudMedication> getMedications() {
        return Collections.unmodifiableSet(medications);
    }

    public Set<Payment> getPayments() {
        return Collections.unmodifiableSet(payments);
    }

    public Set<String> getLanguages() {
        return Collections.unmodifiableSet(languages);
    }

    public Set<Population> getPopulations() {
        return Collections.unmodifiableSet(populations);
    }

    public boolean isCoOccurringCare() {
        return coOccurringCare;
    }

    public String getIntakeHours() {
        return intakeHours;
    }

    public Integer getTypicalWaitDays() {
        return typicalWaitDays;
    }

    public LocalDate getConfirmedOn() {
        return confirmedOn;
    }

    public boolean isActive() {
        return active;
    }

    public String getNotes() {
        return notes;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
