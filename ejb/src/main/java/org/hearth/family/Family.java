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

    public List<FamilyMember> getMembers() {
        return Collections.unmodifiableList(members);
    }

    public long getVersion() {
        return version;
    }
}
