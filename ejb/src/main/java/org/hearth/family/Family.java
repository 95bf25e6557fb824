package org.hearth.family;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.staff.Program;
import org.hearth.staff.StaffMember;

/**
 * A family: the client of a family program, the case. It is registered with its members in status
 * {@code INTAKE}, under a case number that never changes, in one program.
 */
@Entity
@Table(name = "family")
public class Family {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false, unique = true, updatable = false)
    private String caseNumber;

    @Column(name = "intake_year", nullable = false, updatable = false)
    private int intakeYear;

    @Column(name = "case_sequence", nullable = false, updatable = false)
    private int caseSequence;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    private Program program;

    @Column(name = "family_name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FamilyStatus status;

    @Column(name = "closure_reason")
    private String closureReason;

    @Column(name = "preferred_language", nullable = false)
    private String preferredLanguage;

    @Enumerated(EnumType.STRING)
    @Column(name = "referral_source", nullable = false)
    private ReferralSource referralSource;

    @Column(name = "referral_note")
    private String referralNote;

    @Column(name = "opened_on", nullable = false)
    private LocalDate openedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "last_contact_on")
    private LocalDate lastContactOn;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "primary_counselor_id")
    private StaffMember primaryCounselor;

    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @OneToMany(mappedBy = "family", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<FamilyMember> members = new ArrayList<>();

    @Version
    private long version;

    protected Family() {}

    /** A newly registered family, in intake, with its members in the order they were given. */
    Family(
            CaseNumber caseNumber,
            Program program,
            NewFamily details,
            String registeredBy,
            Instant registeredAt,
            LocalDate openedOn) {
        this.caseNumber = caseNumber.toString();
        this.intakeYear = caseNumber.year();
        this.caseSequence = caseNumber.sequence();
        this.program = program;
        this.name = details.familyName().trim();
        this.status = FamilyStatus.INTAKE;
        this.preferredLanguage = details.preferredLanguage();
        this.referralSource = details.referralSource();
        this.referralNote =
                details.referralNote() == null || details.referralNote().isBlank()
                        ? null
                        : details.referralNote().trim();
        this.openedOn = openedOn;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        for (NewFamilyMember member : details.members()) {
            members.add(new FamilyMember(this, members.size() + 1, member));
        }
    }

    public Long getId() {
        return id;
    }

    public CaseNumber getCaseNumber() {
        return CaseNumber.parse(caseNumber);
    }

    public Program getProgram() {
        return program;
    }

    public String getName() {
        return name;
    }

    public FamilyStatus getStatus() {
        return status;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public ReferralSource getReferralSource() {
        return referralSource;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public StaffMember getPrimaryCounselor() {
        return primaryCounselor;
    }

    /** Makes the counselor this family's primary counselor (the assignment history is kept by {@link CaseAssignments}). */
    void assignPrimaryCounselor(StaffMember counselor) {
        this.primaryCounselor = counselor;
    }

    /**
     * Changes the demographics and contacts. Members are matched by position; more members add new ones.
     * Members are never removed: someone who no longer takes part is marked as not participating.
     */
    void updateDetails(FamilyUpdate update) {
        if (update.members().size() < members.size()) {
            throw Invalid.written(
                    Invalid.Subject.FAMILY_CHANGE,
                    "members are never removed; mark a member as not participating instead");
        }
        this.name = update.familyName().trim();
        this.preferredLanguage = update.preferredLanguage();
        this.referralSource = update.referralSource();
        this.referralNote =
                update.referralNote() == null || update.referralNote().isBlank()
                        ? null
                        : update.referralNote().trim();
        for (int i = 0; i < update.members().size(); i++) {
            if (i < members.size()) {
                members.get(i).update(update.members().get(i));
            } else {
                members.add(new FamilyMember(this, i + 1, update.members().get(i)));
            }
        }
    }

    /** The intake is complete: the family is now in active work with the program, and the intake was a contact. */
    void intakeCompleted(LocalDate on) {
        if (status == FamilyStatus.INTAKE) {
            status = FamilyStatus.ACTIVE;
        }
        lastContactOn = on;
    }

    /** A session with the family took place on this day: the last contact moves forward, never back. */
    public void contactOn(LocalDate on) {
        if (lastContactOn == null || on.isAfter(lastContactOn)) {
            lastContactOn = on;
        }
    }

    /** Closes the case with the reason; a closed family is read-only until a supervisor reopens it. */
    void close(String reason, String by, LocalDate on) {
        if (status == FamilyStatus.CLOSED) {
            throw new Conflict(Conflict.Subject.LOCKED, "the family is already closed");
        }
        status = FamilyStatus.CLOSED;
        closureReason = reason.trim();
        closedBy = by;
        closedOn = on;
    }

    /** Reopens a closed family: back to intake if its intake was never completed, otherwise active. */
    void reopen(boolean intakeCompleted) {
        if (status != FamilyStatus.CLOSED) {
            throw new Conflict(Conflict.Subject.LOCKED, "only a closed family can be reopened");
        }
        status = intakeCompleted ? FamilyStatus.ACTIVE : FamilyStatus.INTAKE;
        closureReason = null;
        closedBy = null;
        closedOn = null;
    }

    /** Refuses any change to a closed family. */
    public void requireOpen() {
        if (status == FamilyStatus.CLOSED) {
            throw new Conflict(Conflict.Subject.LOCKED, "the family is closed; a supervisor can reopen it");
        }
    }

    public String getClosureReason() {
        return closureReason;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public LocalDate getLastContactOn() {
        return lastContactOn;
    }

    public String getReferralNote() {
        return referralNote;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public List<FamilyMember> getMembers() {
        return Collections.unmodifiableList(members);
    }

    public long getVersion() {
        return version;
    }
}
