package org.hearth.resources;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.hearth.family.Family;
import org.hearth.family.FamilyMember;

/**
 * One resource given to a family, to one member or to the family as a whole: an event on the family's record, kept
 * as recorded (never changed, so it has no version).
 */
@Entity
@Table(name = "resource_gift")
public class ResourceGift {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id", updatable = false)
    private Family family;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "resource_id", updatable = false)
    private CommunityResource resource;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id", updatable = false)
    private FamilyMember member;

    @Column(name = "given_on", nullable = false, updatable = false)
    private LocalDate givenOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "given_how", nullable = false, updatable = false)
    private GivenHow how;

    @Column(name = "given_by", nullable = false, updatable = false)
    private String givenBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected ResourceGift() {}

    /**
     * {@code resource} given to {@code member} of {@code family} (null: the family as a whole) on {@code givenOn},
     * recorded by {@code by} at {@code at}.
     */
    public ResourceGift(
            Family family,
            CommunityResource resource,
            FamilyMember member,
            LocalDate givenOn,
            GivenHow how,
            String by,
            Instant at) {
        if (member != null && !member.getFamily().getId().equals(family.getId())) {
            throw new IllegalArgumentException("a member of another family");
        }
        if (!resource.isActive()) {
            throw new IllegalArgumentException("a retired resource is not given");
        }
        this.family = Objects.requireNonNull(family);
        this.resource = resource;
        this.member = member;
        this.givenOn = Objects.requireNonNull(givenOn);
        this.how = Objects.requireNonNull(how);
        this.givenBy = Objects.requireNonNull(by);
        this.recordedAt = Objects.requireNonNull(at);
    }

    public Long getId() {
        return id;
    }

    public Family getFamily() {
        return family;
    }

    public CommunityResource getResource() {
        return resource;
    }

    public FamilyMember getMember() {
        return member;
    }

    public LocalDate getGivenOn() {
        return givenOn;
    }

    public GivenHow getHow() {
        return how;
    }

    public String getGivenBy() {
        return givenBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
