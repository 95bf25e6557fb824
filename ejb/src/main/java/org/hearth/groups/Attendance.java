package org.hearth.groups;

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

/** How one member attended one group session, and who recorded it when. Saving again replaces the mark. */
@Entity
@Table(name = "group_attendance")
public class Attendance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_session_id")
    private GroupSession session;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_member_id")
    private FamilyMember member;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttendanceMark mark;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private long version;

    protected Attendance() {}

    Attendance(GroupSession session, FamilyMember member, AttendanceMark mark, String recordedBy, Instant at) {
        this.session = session;
        this.member = member;
        record(mark, recordedBy, at);
    }

    void record(AttendanceMark mark, String recordedBy, Instant at) {
        this.mark = mark;
        this.recordedBy = recordedBy;
        this.recordedAt = at;
    }

    public Long getId() {
        return id;
    }

    public GroupSession getSession() {
        return session;
    }

    public FamilyMember getMember() {
        return member;
    }

    public AttendanceMark getMark() {
        return mark;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
