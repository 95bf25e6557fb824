package org.hearth.web.view.groups;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.groups.AttendanceEntry;
import org.hearth.groups.AttendanceMark;
import org.hearth.groups.GroupAttendance;
import org.hearth.groups.GroupSessionView;
import org.hearth.groups.MeetingAnswers;
import org.hearth.groups.Roster;
import org.hearth.groups.RosterEntry;
import org.hearth.groups.SupportGroups;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * groups/roster.xhtml?session=: the members enrolled, each marked present, late, absent or excused. Saving
 * records each mark on the member's own family record.
 */
@Named
@ViewScoped
public class RosterBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SupportGroups groups;

    @EJB
    private GroupAttendance groupAttendance;

    private Long session;
    private GroupSessionView meeting;
    private List<Row> rows = new ArrayList<>();
    private long version;
    /** The marks someone else saved meanwhile, shown after a stale save beside the marks being entered. */
    private Map<Long, AttendanceMark> latest;
    /** The members' answers to the meeting's reminders, by member id. */
    private Map<Long, MeetingAnswers.Answered> answers = new HashMap<>();

    public void load() {
        try {
            show(groupAttendance.roster(session));
            meeting = groups.readSession(session);
            answers = new HashMap<>(groupAttendance.answers(session));
        } catch (RuntimeException e) {
            Failures.answerLoad(e);
        }
    }

    /**
     * Saves the marks from the version shown. When someone else saved marks meanwhile, nothing is saved, the marks
     * being entered stay and the ones saved meanwhile are shown beside them.
     */
    public void save() {
        try {
            show(groupAttendance.recordAttendance(
                    session,
                    rows.stream()
                            .filter(r -> r.getMark() != null)
                            .map(r -> new AttendanceEntry(r.getMemberId(), r.getMark()))
                            .toList(),
                    version));
            Confirmations.show("groups.roster.saved");
        } catch (RuntimeException e) {
            Failures.show(e, "roster-form", Map.of());
            if (Failures.isStale(e)) {
                latest = new HashMap<>();
                groupAttendance.roster(session).entries().stream()
                        .filter(entry -> entry.mark() != null)
                        .forEach(entry -> latest.put(entry.memberId(), entry.mark()));
            }
        }
    }

    /** "Load the latest": the roster and marks as saved now, and their version, replace the form. */
    public void loadLatest() {
        show(groupAttendance.roster(session));
        Confirmations.show("groups.roster.reloaded");
    }

    /** After a stale save: the mark saved meanwhile for the member (null when none); null map otherwise. */
    public Map<Long, AttendanceMark> getLatest() {
        return latest;
    }

    /** The member's answer to the meeting's reminder, by link (null when none). */
    public MeetingAnswers.Answered answerOf(long memberId) {
        return answers.get(memberId);
    }

    /** Everyone not marked yet is marked present: the usual case, then the exceptions are changed. */
    public void allPresent() {
        rows.stream().filter(r -> r.getMark() == null).forEach(r -> r.setMark(AttendanceMark.PRESENT));
    }

    private void show(Roster roster) {
        version = roster.version();
        latest = null;
        rows = new ArrayList<>(roster.entries().stream()
                .map(Row::of)
                .sorted(Comparator.comparing(Row::getMemberName, String.CASE_INSENSITIVE_ORDER))
                .toList());
    }

    /** The session: group, date and time, for the page heading. */
    public GroupSessionView getMeeting() {
        return meeting;
    }

    public AttendanceMark[] getMarks() {
        return AttendanceMark.values();
    }

    public Long getSession() {
        return session;
    }

    public void setSession(Long session) {
        this.session = session;
    }

    public List<Row> getRows() {
        return rows;
    }

    /** One member on the roster and the mark being entered. */
    public static final class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private long memberId;
        private String memberName;
        private AttendanceMark mark;

        static Row of(RosterEntry entry) {
            Row row = new Row();
            row.memberId = entry.memberId();
            row.memberName = entry.memberName();
            row.mark = entry.mark();
            return row;
        }

        public long getMemberId() {
            return memberId;
        }

        public String getMemberName() {
            return memberName;
        }

        public AttendanceMark getMark() {
            return mark;
        }

        public void setMark(AttendanceMark mark) {
            this.mark = mark;
        }
    }
}
