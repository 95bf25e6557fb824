package org.hearth.notes;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.groups.Attendance;
import org.hearth.groups.AttendanceMark;
import org.hearth.groups.GroupSession;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.StaffMember;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;

/**
 * Notes of support-group meetings. One who led the meeting writes the group's body and a section for each
 * member who attended (present or late), and signs it. The program's supervisors read it whole. A family's
 * record reads it through {@link GroupNotePrivacy}: the body without other families' participants' names,
 * and its own members' sections only. Audited on every family concerned.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class GroupNotes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Set<AttendanceMark> ATTENDED = Set.of(AttendanceMark.PRESENT, AttendanceMark.LATE);

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private FamilyAccessPolicy access;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /**
     * The note of a meeting whose attendance is taken, its draft made now with a section per member who
     * attended. Only one who leads the meeting, or the author of its draft even when the group's facilitators
     * changed since (a note never becomes unsignable).
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public GroupNoteView open(long sessionId) {
        GroupSession session = em.find(GroupSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw new NotFound("group session", sessionId);
        }
        GroupNote note = noteOf(session);
        if (note == null || !isAuthor(note)) {
            requireLeader(session);
        }
        if (note == null) {
            List<GroupNotePrivacy.Participant> attending = participants(session);
            if (attending.isEmpty()) {
                throw new Invalid(
                        Invalid.Subject.NOTE,
                        List.of(Invalid.Reason.of(
                                "sessionId",
                                "note.group.noAttendance",
                                session.getStartsAt()
                                        .atZone(ClinicTime.zone())
                                        .toLocalDate()
                                        .toString())));
            }
            note = new GroupNote(session, me(), attending, clock.now());
            em.persist(note);
            em.flush();
        }
        auditOnFamilies(AuditAction.READ_NOTE, note);
        return view(note);
    }

    /**
     * The whole note: those who lead the meeting, the note's author (also after the group's facilitators changed)
     * and the supervisors of the group's program.
     */
    public GroupNoteView read(long noteId) {
        GroupNote note = note(noteId);
        if (!isAuthor(note)
                && !note.getSession().isLedBy(context.getCallerPrincipal().getName())
                && !supervises(note.getSession())) {
            throw new Refused("a group note is read whole by those who led the meeting and the program's supervisors");
        }
        auditOnFamilies(AuditAction.READ_NOTE, note);
        return view(note);
    }

    /** Saves the draft: the body and each attending member's section (by member id). Its author only. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public GroupNoteView saveDraft(
            long noteId,
            @Size(max = 20000, message = "{note.text.length}") String body,
            @NotNull(message = "{note.content.required}")
                    Map<Long, @Size(max = 4000, message = "{note.section.length}") String> sections,
            @NotNull(message = "{note.version.required}") Long version) {
        GroupNote note = draftOfMine(noteId, version);
        note.write(NoteText.clean(body), sections, clock.now());
        em.flush();
        auditOnFamilies(AuditAction.SAVE_NOTE_DRAFT, note);
        return view(note);
    }

    /** Signs the draft: refused without a body; then final. */
    @RolesAllowed(Role.Names.COUNSELOR)
    public GroupNoteView sign(long noteId, @NotNull(message = "{note.version.required}") Long version) {
        GroupNote note = draftOfMine(noteId, version);
        if (NoteText.isBlank(note.getBody())) {
            throw new Invalid(Invalid.Subject.NOTE, List.of(Invalid.Reason.of("body", "note.group.body.required")));
        }
        note.sign(clock.now());
        em.flush();
        auditOnFamilies(AuditAction.SIGN_NOTE, note);
        return view(note);
    }

    /**
     * The signed group notes of a family's members, newest first, as the family may read them: for the
     * family's counselors and its program's supervisors. Audited on the family.
     */
    public List<FamilyGroupNote> forFamily(long familyId) {
        access.requireClinicalRead(access.family(familyId));
        List<GroupNote> notes = em.createQuery(
                        "select n from GroupNote n join fetch n.session join fetch n.author"
                                + " where n.status <> :draft and exists (select o.id from GroupNote o join o.sections m"
                                + " where o = n and m.familyId = :family) order by n.session.startsAt desc",
                        GroupNote.class)
                .setParameter("draft", NoteStatus.DRAFT)
                .setParameter("family", familyId)
                .getResultList();
        Map<Long, String> names = memberNames(familyId);
        Map<Long, GroupNotePrivacy.Participant> people = participantsOf(notes.stream()
                .flatMap(n -> n.sections().stream())
                .map(GroupNotePrivacy.Section::memberId)
                .distinct()
                .toList());
        List<FamilyGroupNote> views = notes.stream()
                .map(n -> new FamilyGroupNote(
                        n.getId(),
                        n.getSession().getGroup().getName(),
                        n.getSession().getStartsAt().atZone(ClinicTime.zone()).toLocalDate(),
                        TIME.format(n.getSession().getStartsAt().atZone(ClinicTime.zone())),
                        n.getAuthor().getDisplayName(),
                        n.getStatus(),
                        GroupNotePrivacy.bodyFor(
                                familyId,
                                n.getBody(),
                                n.sections().stream()
                                        .map(section -> people.get(section.memberId()))
                                        .filter(Objects::nonNull)
                                        .sorted(Comparator.comparing(GroupNotePrivacy.Participant::memberId))
                                        .toList()),
                        GroupNotePrivacy.sectionsFor(familyId, n.sections()).stream()
                                .map(s -> new FamilyGroupNote.Section(names.get(s.memberId()), s.text()))
                                .toList()))
                .toList();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.LIST_NOTES, "Family", familyId, familyId));
        return views;
    }

    private boolean isAuthor(GroupNote note) {
        return context.isCallerInRole(Role.Names.COUNSELOR)
                && note.getAuthor()
                        .getUsername()
                        .equals(context.getCallerPrincipal().getName());
    }

    private GroupNote draftOfMine(long noteId, Long version) {
        GroupNote note = note(noteId);
        if (!isAuthor(note)) {
            throw new Refused("a group note is written and signed by its author");
        }
        if (note.getStatus() != NoteStatus.DRAFT) {
            throw new Conflict(Conflict.Subject.LOCKED, "the group note is signed");
        }
        if (version == null || note.getVersion() != version) {
            throw Conflict.stale("group note");
        }
        return note;
    }

    private void requireLeader(GroupSession session) {
        if (!session.isLedBy(context.getCallerPrincipal().getName())) {
            throw new Refused("a group note is written by one who led the meeting");
        }
    }

    private boolean supervises(GroupSession session) {
        return context.isCallerInRole(Role.Names.SUPERVISOR)
                && access.caller()
                        .staff()
                        .map(me -> me.belongsTo(session.getGroup().getProgram()))
                        .orElse(false);
    }

    /** The members who attended the meeting (present or late), with their families. */
    private List<GroupNotePrivacy.Participant> participants(GroupSession session) {
        return em.createQuery(
                        "select a from Attendance a join fetch a.member where a.session = :session"
                                + " and a.mark in :attended order by a.member.id",
                        Attendance.class)
                .setParameter("session", session)
                .setParameter("attended", ATTENDED)
                .getResultStream()
                .map(a -> new GroupNotePrivacy.Participant(
                        a.getMember().getId(),
                        a.getMember().getFamily().getId(),
                        a.getMember().getFullName()))
                .toList();
    }

    /** The note's participants: its sections' members, with their names. */
    private List<GroupNotePrivacy.Participant> participants(GroupNote note) {
        List<Long> ids =
                note.sections().stream().map(GroupNotePrivacy.Section::memberId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select m.id, m.family.id, m.fullName from FamilyMember m where m.id in :ids order by m.id",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(r -> new GroupNotePrivacy.Participant((Long) r[0], (Long) r[1], (String) r[2]))
                .toList();
    }

    /** The members with these ids as participants, by id: one query for all the notes of a family's record. */
    private Map<Long, GroupNotePrivacy.Participant> participantsOf(List<Long> ids) {
        Map<Long, GroupNotePrivacy.Participant> people = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery(
                            "select m.id, m.family.id, m.fullName from FamilyMember m where m.id in :ids",
                            Object[].class)
                    .setParameter("ids", ids)
                    .getResultStream()
                    .forEach(r -> people.put(
                            (Long) r[0], new GroupNotePrivacy.Participant((Long) r[0], (Long) r[1], (String) r[2])));
        }
        return people;
    }

    private Map<Long, String> memberNames(long familyId) {
        Map<Long, String> names = new HashMap<>();
        em.createQuery("select m.id, m.fullName from FamilyMember m where m.family.id = :family", Object[].class)
                .setParameter("family", familyId)
                .getResultStream()
                .forEach(r -> names.put((Long) r[0], (String) r[1]));
        return names;
    }

    private GroupNoteView view(GroupNote note) {
        GroupSession s = note.getSession();
        Map<Long, String> names = new HashMap<>();
        participants(note).forEach(p -> names.put(p.memberId(), p.fullName()));
        return new GroupNoteView(
                note.getId(),
                s.getId(),
                s.getGroup().getId(),
                s.getGroup().getName(),
                s.getStartsAt().atZone(ClinicTime.zone()).toLocalDate(),
                TIME.format(s.getStartsAt().atZone(ClinicTime.zone())),
                note.getAuthor().getUsername(),
                note.getAuthor().getDisplayName(),
                note.getStatus(),
                note.getBody(),
                note.sections().stream()
                        .map(x -> new GroupNoteView.Section(x.memberId(), names.get(x.memberId()), x.text()))
                        .toList(),
                note.getSignedAt(),
                note.getStatus() == NoteStatus.DRAFT || note.hash().equals(note.getContentHash()),
                note.getVersion());
    }

    private void auditOnFamilies(AuditAction action, GroupNote note) {
        note.sections().stream()
                .map(GroupNotePrivacy.Section::familyId)
                .distinct()
                .forEach(family -> audit.record(AuditEvent.allowedOnFamily(action, "GroupNote", note.getId(), family)));
    }

    private GroupNote noteOf(GroupSession session) {
        return em.createQuery("select n from GroupNote n where n.session = :s", GroupNote.class)
                .setParameter("s", session)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private GroupNote note(long noteId) {
        GroupNote note = em.find(GroupNote.class, noteId);
        if (note == null) {
            throw new NotFound("session note", noteId);
        }
        return note;
    }

    private StaffMember me() {
        return access.caller().staffRecord();
    }
}
