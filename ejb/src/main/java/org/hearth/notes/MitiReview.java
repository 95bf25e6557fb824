package org.hearth.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hearth.appointments.Appointment;
import org.hearth.staff.StaffMember;

/**
 * A MITI 4.2.1 coding of one family session: the behaviour counts and the four global scores, by a
 * supervisor or by the counselor themselves. The summary scores are computed from them when read
 * ({@link MitiSummary#of}), so a correction of the maths corrects every review.
 */
@Entity
@Table(name = "miti_review")
public class MitiReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "appointment_id", updatable = false)
    private Appointment appointment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "counselor_id", updatable = false)
    private StaffMember counselor;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewer_id", updatable = false)
    private StaffMember reviewer;

    @Column(name = "self_review", nullable = false, updatable = false)
    private boolean selfReview;

    @Column(nullable = false)
    private int questions;

    @Column(name = "simple_reflections", nullable = false)
    private int simpleReflections;

    @Column(name = "complex_reflections", nullable = false)
    private int complexReflections;

    @Column(nullable = false)
    private int affirm;

    @Column(name = "seeking_collaboration", nullable = false)
    private int seekingCollaboration;

    @Column(name = "emphasizing_autonomy", nullable = false)
    private int emphasizingAutonomy;

    @Column(nullable = false)
    private int persuade;

    @Column(name = "persuade_with_permission", nullable = false)
    private int persuadeWithPermission;

    @Column(nullable = false)
    private int confront;

    @Column(name = "giving_information", nullable = false)
    private int givingInformation;

    @Column(name = "cultivating_change_talk", nullable = false)
    private int cultivatingChangeTalk;

    @Column(name = "softening_sustain_talk", nullable = false)
    private int softeningSustainTalk;

    @Column(nullable = false)
    private int partnership;

    @Column(nullable = false)
    private int empathy;

    @Column
    private String comment;

    @Column(name = "reviewed_at", nullable = false)
    private Instant reviewedAt;

    @Version
    private long version;

    protected MitiReview() {}

    MitiReview(Appointment appointment, StaffMember reviewer, Instant now) {
        this.appointment = appointment;
        this.counselor = appointment.getCounselor();
        this.reviewer = reviewer;
        this.selfReview = reviewer.getId().equals(appointment.getCounselor().getId());
        this.reviewedAt = now;
    }

    /** Records (or corrects) the coding. */
    void code(MitiCounts counts, MitiGlobals globals, String comment, Instant now) {
        questions = counts.questions();
        simpleReflections = counts.simpleReflections();
        complexReflections = counts.complexReflections();
        affirm = counts.affirm();
        seekingCollaboration = counts.seekingCollaboration();
        emphasizingAutonomy = counts.emphasizingAutonomy();
        persuade = counts.persuade();
        persuadeWithPermission = counts.persuadeWithPermission();
        confront = counts.confront();
        givingInformation = counts.givingInformation();
        cultivatingChangeTalk = globals.cultivatingChangeTalk();
        softeningSustainTalk = globals.softeningSustainTalk();
        partnership = globals.partnership();
        empathy = globals.empathy();
        this.comment = comment;
        this.reviewedAt = now;
    }

    public MitiCounts counts() {
        return new MitiCounts(
                questions,
                simpleReflections,
                complexReflections,
                affirm,
                seekingCollaboration,
                emphasizingAutonomy,
                persuade,
                persuadeWithPermission,
                confront,
                givingInformation);
    }

    public MitiGlobals globals() {
        return new MitiGlobals(cultivatingChangeTalk, softeningSustainTalk, partnership, empathy);
    }

    public Long getId() {
        return id;
    }

    public Appointment getAppointment() {
        return appointment;
    }

    public StaffMember getCounselor() {
        return counselor;
    }

    public StaffMember getReviewer() {
        return reviewer;
    }

    public boolean isSelfReview() {
        return selfReview;
    }

    public String getComment() {
        return comment;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public long getVersion() {
        return version;
    }
}
