package org.hearth.messages;

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
import jakarta.persistence.Version;
import java.time.Instant;
import org.hearth.family.FamilyMember;

/**
 * One message to one family member in the outbox: what it is about and when it is due, never its text (written at
 * sending time by the kind's {@link LetterWriter}). Pending until sent, failed for good, or withdrawn.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    /** The subject types features use. */
    public static final String APPOINTMENT = "Appointment";

    public static final String SUPPORT_GROUP = "SupportGroup";
    public static final String ENROLLMENT = "Enrollment";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MessageKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageStatus status = MessageStatus.PENDING;

    @Column(name = "family_id", nullable = false, updatable = false)
    private long familyId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id", updatable = false)
    private FamilyMember member;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private long subjectId;

    @Column(name = "about_at", nullable = false, updatable = false)
    private Instant aboutAt;

    @Column(name = "lead_minutes", updatable = false)
    private Integer leadMinutes;

    @Column(name = "due_at", nullable = false, updatable = false)
    private Instant dueAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_failure")
    private String lastFailure;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_reason")
    private String closedReason;

    protected OutboxMessage() {}

    OutboxMessage(
            MessageKind kind,
            FamilyMember member,
            String subjectType,
            long subjectId,
            Instant aboutAt,
            Integer leadMinutes,
            Instant dueAt,
            Instant now) {
        this.kind = kind;
        this.member = member;
        this.familyId = member.getFamily().getId();
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.aboutAt = aboutAt;
        this.leadMinutes = leadMinutes;
        this.dueAt = dueAt;
        this.nextAttemptAt = dueAt;
        this.createdAt = now;
    }

    /** Accepted by the mail server at {@code now}. */
    void sent(Instant now) {
        this.attempts++;
        this.status = MessageStatus.SENT;
        this.sentAt = now;
        this.lastFailure = null;
    }

    /** An attempt failed for a while (the server down): tried again at {@code nextAttempt}. */
    void failedFor(String why, Instant nextAttempt) {
        this.attempts++;
        this.lastFailure = why;
        this.nextAttemptAt = nextAttempt;
    }

    /** Failed for good: never sent. */
    void failed(String why, Instant now) {
        this.attempts++;
        this.lastFailure = why;
        close(MessageStatus.FAILED, why, now);
    }

    /** Taken back before it was sent. */
    void withdraw(String why, Instant now) {
        close(MessageStatus.WITHDRAWN, why, now);
    }

    private void close(MessageStatus closedAs, String why, Instant now) {
        this.status = closedAs;
        this.closedAt = now;
        this.closedReason = why;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public MessageKind getKind() {
        return kind;
    }

    public MessageStatus getStatus() {
        return status;
    }

    public long getFamilyId() {
        return familyId;
    }

    public FamilyMember getMember() {
        return member;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public long getSubjectId() {
        return subjectId;
    }

    public Instant getAboutAt() {
        return aboutAt;
    }

    public Integer getLeadMinutes() {
        return leadMinutes;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastFailure() {
        return lastFailure;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedReason() {
        return closedReason;
    }
}
