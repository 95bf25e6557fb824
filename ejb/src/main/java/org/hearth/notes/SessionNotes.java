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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.access.AccessRules;
import org.hearth.access.Caller;
import org.hearth.appointments.Appointment;
import org.hearth.appointments.AppointmentStatus;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.family.Family;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.family.FamilyMember;
import org.hearth.family.Intake;
import org.hearth.family.LovedOne;
import org.hearth.family.SafetyFlags;
import org.hearth.family.StageOfChange;
import org.hearth.safetyplan.SafetyPlans;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.security.Role;
import org.hearth.staff.StaffMember;
import org.hearth.staff.StaffMembers;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;

/**
 * Session notes of family sessions. The counselor who held a session writes its note, saves the draft as often
 * as they like, and signs it: then it is final, and what comes later is an addendum. The note of a held session
 * never becomes unsignable: its writer keeps that one note (and nothing else of the family) after the family
 * leaves their caseload, and a supervisor of the program may give an unsigned note to another counselor of the
 * program ({@link #reassign}), the session keeping who held it. A supervisor of the family's program reads,
 * co-signs, or returns it with a comment. Nobody else reads a note: the front desk and administrators are refused by role. Every read and every change is
 * audited on the family. A note is due 72 hours after its session ended.
 */
@Stateless
@RolesAllowed({Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class SessionNotes {

    /** How long after a session its note is due. */
    public static final Duration DUE_AFTER = Duration.ofHours(72);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private FamilyAccessPolicy access;

    @EJB
    private SafetyFlags safetyFlags;

    @EJB
    private SafetyPlans safetyPlans;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /**
     * The note of a held session, its draft made now if there is none yet. Only its writer: the counselor who held
     * the session, or the one a supervisor gave the note to - whether or not the family is on their caseload now
     * (the session's note only: nothing else of the family opens to them). Refused (400) for a session not held.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public NoteView open(long appointmentId) {
        Appointment appointment = em.find(Appointment.class, appointmentId);
        if (appointment == null) {
            throw new NotFound("session", appointmentId);
        }
        Family family = appointment.getFamily();
        SessionNote existing = noteOf(appointment);
        StaffMember writer = existing == null ? appointment.getCounselor() : existing.getAuthor();
        if (!writer.getUsername().equals(access.caller().username())) {
            throw new Refused(
                    "a session's note is written by the counselor who held it, or the one a supervisor gave it to",
                    family.getId());
        }
        if (appointment.getStatus() != AppointmentStatus.COMPLETED) {
            throw new Invalid(
                    Invalid.Subject.NOTE,
                    List.of(Invalid.Reason.of(
                            "appointmentId", "note.session.notHeld", date(appointment.getStartsAt()))));
        }
        SessionNote note = noteOf(appointment);
        if (note == null) {
            em.lock(appointment, LockModeType.PESSIMISTIC_WRITE);
            note = noteOf(appointment);
            if (note == null) {
                note = new SessionNote(appointment, me(), clock.now());
                em.persist(note);
                em.flush();
                audit.record(AuditEvent.allowedOnFamily(
                        AuditAction.CREATE_NOTE, "SessionNote", note.getId(), family.getId()));
            }
        }
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_NOTE, "SessionNote", note.getId(), family.getId()));
        return view(note);
    }

    /**
     * A note, for the family's counselors and its program's supervisors, and for its author even when the family
     * is no longer on their caseload. Audited.
     */
    public NoteView read(long noteId) {
        SessionNote note = note(noteId);
        if (!isAuthor(note)) {
            requireRead(note);
        }
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.READ_NOTE,
                "SessionNote",
                note.getId(),
                note.getFamily().getId()));
        return view(note);
    }

    /**
     * Saves the draft (its author only, at the version they saw). Rich text is cleaned to the note's
     * allow-list; people and loved ones must be the session's; "allowing natural consequences" is refused
     * while the family has a safety flag and no safety plan.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public NoteView saveDraft(
            long noteId,
            @NotNull(message = "{note.content.required}") @Valid NoteContent content,
            @NotNull(message = "{note.version.required}") Long version) {
        SessionNote note = changeableDraft(noteId, version);
        List<Invalid.Reason> reasons = referencesOf(note, content);
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.NOTE, reasons);
        }
        note.write(cleaned(content), clock.now());
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.SAVE_NOTE_DRAFT,
                "SessionNote",
                note.getId(),
                note.getFamily().getId()));
        return view(note);
    }

    /**
     * Signs the draft: refused (400, naming each) without its Data, Assessment and Plan; then the note is
     * final and its content hash kept.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public NoteView sign(long noteId, @NotNull(message = "{note.version.required}") Long version) {
        SessionNote note = changeableDraft(noteId, version);
        NoteContent content = note.content();
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (NoteText.isBlank(content.data())) {
            reasons.add(Invalid.Reason.of("data", "note.sign.data.required"));
        }
        if (NoteText.isBlank(content.assessment())) {
            reasons.add(Invalid.Reason.of("assessment", "note.sign.assessment.required"));
        }
        if (NoteText.isBlank(content.plan())) {
            reasons.add(Invalid.Reason.of("plan", "note.sign.plan.required"));
        }
        reasons.addAll(referencesOf(note, content));
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.NOTE, reasons);
        }
        note.sign(clock.now());
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.SIGN_NOTE,
                "SessionNote",
                note.getId(),
                note.getFamily().getId()));
        return view(note);
    }

    /**
     * Adds a dated, signed addendum to a signed note (its author only, at the version they saw: a note returned or
     * co-signed meanwhile is a 409). A returned note counts as answered and waits for co-signing again.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public NoteView addAddendum(
            long noteId,
            @NotBlank(message = "{note.addendum.required}") @Size(max = 4000, message = "{note.addendum.length}")
                    String text,
            Long version) {
        SessionNote note = note(noteId);
        em.lock(note, LockModeType.PESSIMISTIC_WRITE);
        requireAuthor(note);
        if (note.getStatus() == NoteStatus.DRAFT) {
            throw new Invalid(Invalid.Subject.NOTE, List.of(Invalid.Reason.of("text", "note.addendum.draft")));
        }
        Conflict.requireVersion(version, note.getVersion(), "note");
        em.persist(new NoteAddendum(note, me(), text.strip(), clock.now()));
        if (note.getStatus() == NoteStatus.RETURNED) {
            note.answered();
        }
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.ADD_NOTE_ADDENDUM,
                "SessionNote",
                note.getId(),
                note.getFamily().getId()));
        return view(note);
    }

    /** Co-signs a signed note: a supervisor of the family's program. */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public NoteView cosign(long noteId, @NotNull(message = "{note.version.required}") Long version) {
        SessionNote note = reviewable(noteId, version);
        note.cosign(me(), clock.now());
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.COSIGN_NOTE,
                "SessionNote",
                note.getId(),
                note.getFamily().getId()));
        return view(note);
    }

    /** Returns a signed note to its author with a comment, to be answered in an addendum. */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public NoteView returnToAuthor(
            long noteId,
            @NotBlank(message = "{note.return.comment.required}")
                    @Size(max = 2000, message = "{note.return.comment.length}")
                    String comment,
            @NotNull(message = "{note.version.required}") Long version) {
        SessionNote note = reviewable(noteId, version);
        note.returnToAuthor(me(), comment.strip(), clock.now());
        em.flush();
        audit.record(AuditEvent.allowedOnFamily(
                AuditAction.RETURN_NOTE,
                "SessionNote",
                note.getId(),
                note.getFamily().getId()));
        return view(note);
    }

    /** A family's notes, newest session first: its counselors and its program's supervisors. Audited. */
    public List<NoteSummary> forFamily(long familyId) {
        requireFamilyRead(familyId);
        Instant now = clock.now();
        List<NoteSummary> notes = em.createQuery(
                        "select n from SessionNote n join fetch n.appointment join fetch n.author"
                                + " where n.family.id = :family order by n.appointment.startsAt desc",
                        SessionNote.class)
                .setParameter("family", familyId)
                .getResultStream()
                .map(n -> new NoteSummary(
                        n.getId(),
                        n.getAppointment()
                                .getStartsAt()
                                .atZone(ClinicTime.zone())
                                .toLocalDate(),
                        time(n.getAppointment().getStartsAt()),
                        n.getAppointment().getKind(),
                        n.getAuthor().getDisplayName(),
                        n.getStatus(),
                        n.getStatus() == NoteStatus.DRAFT && now.isAfter(dueOf(n.getAppointment()))))
                .toList();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.LIST_NOTES, "Family", familyId, familyId));
        return notes;
    }

    /**
     * The readiness rulers of a family's members across its sessions, for their trend: one point per member
     * rated in a signed note (drafts are not the record yet), by session then member. For the family's
     * counselors and its program's supervisors, like its notes. Audited.
     */
    public List<ReadinessPoint> readinessOf(long familyId) {
        requireFamilyRead(familyId);
        List<ReadinessPoint> points = em.createQuery(
                        "select n.id, r.memberId, m.fullName, a.startsAt,"
                                + " r.importance, r.confidence, r.readiness, r.stage"
                                + " from SessionNote n join n.appointment a join n.rulers r, FamilyMember m"
                                + " where m.id = r.memberId and n.family.id = :family and n.status in :signed"
                                + " order by a.startsAt, n.id, m.position, m.id",
                        Object[].class)
                .setParameter("family", familyId)
                .setParameter("signed", EnumSet.of(NoteStatus.SIGNED, NoteStatus.RETURNED, NoteStatus.CO_SIGNED))
                .getResultStream()
                .map(r -> new ReadinessPoint(
                        (Long) r[0],
                        (Long) r[1],
                        (String) r[2],
                        ((Instant) r[3]).atZone(ClinicTime.zone()).toLocalDate(),
                        (Integer) r[4],
                        (Integer) r[5],
                        (Integer) r[6],
                        (StageOfChange) r[7]))
                .toList();
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_READINESS_TREND, "Family", familyId, familyId));
        return points;
    }

    /**
     * The notes the caller has to write, the oldest session first: their held sessions without a signed note
     * (unless a supervisor gave the note to another counselor), and the notes given to them. Each says whether
     * the family is still on the caller's caseload, and whose it is now when not.
     */
    @RolesAllowed(Role.Names.COUNSELOR)
    public List<NoteDue> dueForMe() {
        Instant now = clock.now();
        Caller caller = access.caller();
        Long me = caller.staffId().orElse(null);
        if (me == null) {
            return List.of();
        }
        // two queries, each on its own index (the sessions the caller held: appointment_note_due_idx; the notes
        // given to the caller: session_note_author_idx), rather than one whose "or" made the database read every
        // counselor's unsigned sessions
        List<Object[]> rows = new ArrayList<>(em.createQuery(
                        "select a, n from Appointment a join fetch a.family f left join fetch f.primaryCounselor"
                                + " join fetch a.counselor left join SessionNote n on n.appointment = a"
                                + " where a.status = :completed and a.noteSigned = false and a.counselor.id = :me"
                                + " and (n.id is null or n.author.id = :me)",
                        Object[].class)
                .setParameter("me", me)
                .setParameter("completed", AppointmentStatus.COMPLETED)
                .getResultList());
        rows.addAll(em.createQuery(
                        "select a, n from SessionNote n join n.appointment a join fetch a.family f"
                                + " left join fetch f.primaryCounselor join fetch a.counselor"
                                + " where n.author.id = :me and a.counselor.id <> :me"
                                + " and a.status = :completed and a.noteSigned = false",
                        Object[].class)
                .setParameter("me", me)
                .setParameter("completed", AppointmentStatus.COMPLETED)
                .getResultList());
        rows.sort(Comparator.comparing((Object[] r) -> ((Appointment) r[0]).getEndsAt())
                .thenComparing(r -> ((Appointment) r[0]).getId()));
        Set<String> onCaseload = familiesOnCaseloadOf(
                Set.of(me),
                rows.stream().map(r -> ((Appointment) r[0]).getFamily().getId()).collect(Collectors.toSet()),
                caller.today());
        return rows.stream()
                .map(r -> {
                    Appointment a = (Appointment) r[0];
                    SessionNote n = (SessionNote) r[1];
                    Family family = a.getFamily();
                    boolean mine = onCaseload.contains(pair(family.getId(), me));
                    return new NoteDue(
                            a.getId(),
                            n == null ? null : n.getId(),
                            family.getId(),
                            family.getName(),
                            family.getCaseNumber().toString(),
                            a.getStartsAt().atZone(ClinicTime.zone()).toLocalDate(),
                            time(a.getStartsAt()),
                            a.getKind(),
                            dueOf(a),
                            now.isAfter(dueOf(a)),
                            a.getCounselor().getId().equals(me)
                                    ? null
                                    : a.getCounselor().getDisplayName(),
                            mine,
                            mine || family.getPrimaryCounselor() == null
                                    ? null
                                    : family.getPrimaryCounselor().getDisplayName());
                })
                .toList();
    }

    /**
     * For a supervisor: per counselor of their programs, how many notes they have to write are overdue (the
     * counselor who held the session, or the one a supervisor gave the note to), counted in the database.
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public List<OverdueNotes> overdueByCounselor() {
        Instant cutoff = clock.now().minus(DUE_AFTER);
        List<Long> programs = access.caller().programIds();
        if (programs.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select coalesce(w.username, c.username), coalesce(w.displayName, c.displayName), count(a),"
                                + " min(a.endsAt) from Appointment a join a.counselor c"
                                + " left join SessionNote n on n.appointment = a left join n.author w"
                                + " where a.status = :completed and a.endsAt < :cutoff"
                                + " and a.family.program.id in :programs and a.noteSigned = false"
                                + " group by coalesce(w.username, c.username), coalesce(w.displayName, c.displayName)"
                                + " order by count(a) desc, coalesce(w.displayName, c.displayName)",
                        Object[].class)
                .setParameter("completed", AppointmentStatus.COMPLETED)
                .setParameter("cutoff", cutoff)
                .setParameter("programs", programs)
                .getResultStream()
                .map(r -> new OverdueNotes((String) r[0], (String) r[1], (Long) r[2], ((Instant) r[3]).plus(DUE_AFTER)))
                .toList();
    }

    /**
     * For a supervisor: each overdue note of their programs, the oldest first, with who held the session, who
     * writes the note, and whose the family is now when it left the writer's caseload - so a note nobody can
     * finish is seen, and can be given to another counselor ({@link #reassign}).
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public List<OverdueNote> overdueNotes() {
        Caller caller = access.caller();
        List<Long> programs = caller.programIds();
        if (programs.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery(
                        "select a, n from Appointment a join fetch a.family f left join fetch f.primaryCounselor"
                                + " join fetch a.counselor left join SessionNote n on n.appointment = a"
                                + " left join fetch n.author"
                                + " where a.status = :completed and a.endsAt < :cutoff"
                                + " and f.program.id in :programs and a.noteSigned = false"
                                + " order by a.endsAt, a.id",
                        Object[].class)
                .setParameter("completed", AppointmentStatus.COMPLETED)
                .setParameter("cutoff", clock.now().minus(DUE_AFTER))
                .setParameter("programs", programs)
                .getResultList();
        Set<Long> writers = new HashSet<>();
        Set<Long> families = new HashSet<>();
        for (Object[] r : rows) {
            writers.add(writerOf((Appointment) r[0], (SessionNote) r[1]).getId());
            families.add(((Appointment) r[0]).getFamily().getId());
        }
        Set<String> withWriter = familiesOnCaseloadOf(writers, families, caller.today());
        return rows.stream()
                .map(r -> {
                    Appointment a = (Appointment) r[0];
                    SessionNote n = (SessionNote) r[1];
                    StaffMember writer = writerOf(a, n);
                    Family family = a.getFamily();
                    boolean theirs = withWriter.contains(pair(family.getId(), writer.getId()));
                    return new OverdueNote(
                            a.getId(),
                            n == null ? null : n.getId(),
                            n == null ? 0 : n.getVersion(),
                            family.getId(),
                            family.getCaseNumber().toString(),
                            family.getName(),
                            a.getStartsAt().atZone(ClinicTime.zone()).toLocalDate(),
                            time(a.getStartsAt()),
                            a.getKind(),
                            a.getCounselor().getUsername(),
                            a.getCounselor().getDisplayName(),
                            writer.getUsername(),
                            writer.getDisplayName(),
                            dueOf(a),
                            theirs,
                            theirs || family.getPrimaryCounselor() == null
                                    ? null
                                    : family.getPrimaryCounselor().getDisplayName());
                })
                .toList();
    }

    /**
     * Gives the unsigned note of a held session to another counselor of the family's program, who then opens,
     * writes and signs it (that note only); its draft so far stays. A supervisor of the family's program only, at
     * the note's version they saw (0 for a note nobody started), with a reason. The session keeps the counselor
     * who held it, and the note says who gave it to whom, when and why. Audited on the family.
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public NoteView reassign(
            long appointmentId,
            @NotBlank(message = "{note.reassign.counselor.required}") String counselorUsername,
            @NotBlank(message = "{note.reassign.reason.required}")
                    @Size(max = 500, message = "{note.reassign.reason.length}")
                    String reason,
            Long version) {
        Appointment appointment = em.find(Appointment.class, appointmentId);
        if (appointment == null) {
            throw new NotFound("session", appointmentId);
        }
        Family family = appointment.getFamily();
        if (!access.supervisesProgramOf(family)) {
            throw new Refused(
                    "a note is given to another counselor by a supervisor of the family's program", family.getId());
        }
        if (appointment.getStatus() != AppointmentStatus.COMPLETED) {
            throw new Invalid(
                    Invalid.Subject.NOTE,
                    List.of(Invalid.Reason.of(
                            "appointmentId", "note.session.notHeld", date(appointment.getStartsAt()))));
        }
        // the lock open() takes to make a draft: a draft made meanwhile is seen, and its version checked
        em.lock(appointment, LockModeType.PESSIMISTIC_WRITE);
        SessionNote note = noteOf(appointment);
        if (note != null) {
            em.refresh(note);
        }
        if (note != null && note.getStatus() != NoteStatus.DRAFT) {
            throw new Conflict(
                    Conflict.Subject.LOCKED, List.of(Invalid.Reason.of("counselorUsername", "note.reassign.signed")));
        }
        Conflict.requireVersion(version, note == null ? 0 : note.getVersion(), "note");
        StaffMember counselor = new StaffMembers(em)
                .counselorOf(counselorUsername.strip(), family.getProgram())
                .filter(StaffMember::isActive) // one who left cannot sign it either
                .orElseThrow(() -> new Invalid(
                        Invalid.Subject.NOTE,
                        List.of(Invalid.Reason.of(
                                "counselorUsername",
                                "note.reassign.notCounselor",
                                counselorUsername.strip(),
                                family.getProgram().getName()))));
        StaffMember writer = writerOf(appointment, note);
        if (writer.getId().equals(counselor.getId())) {
            throw new Invalid(
                    Invalid.Subject.NOTE,
                    List.of(Invalid.Reason.of("counselorUsername", "note.reassign.same", counselor.getDisplayName())));
        }
        Instant now = clock.now();
        if (note == null) {
            note = new SessionNote(appointment, appointment.getCounselor(), now);
            em.persist(note);
        }
        note.reassignTo(counselor, me(), reason.strip(), now);
        em.flush();
        audit.record(
                AuditEvent.allowedOnFamily(AuditAction.REASSIGN_NOTE, "SessionNote", note.getId(), family.getId()));
        return view(note);
    }

    /** Who writes a held session's note: its author once there is one, else the counselor who held it. */
    private static StaffMember writerOf(Appointment appointment, SessionNote note) {
        return note == null ? appointment.getCounselor() : note.getAuthor();
    }

    /**
     * Of these families and counselors, the pairs ({@link #pair}) where the family is on the counselor's caseload
     * today, by the one caseload rule, in one query.
     */
    private Set<String> familiesOnCaseloadOf(Set<Long> counselors, Set<Long> families, LocalDate today) {
        if (counselors.isEmpty() || families.isEmpty()) {
            return Set.of();
        }
        return em.createQuery(
                        "select f.id, s.id from Family f, StaffMember s where f.id in :families"
                                + " and s.id in :counselors and "
                                + AccessRules.Jpql.onCaseloadOf("f", "s.id", ":today"),
                        Object[].class)
                .setParameter("families", families)
                .setParameter("counselors", counselors)
                .setParameter("today", today)
                .getResultStream()
                .map(r -> pair((Long) r[0], (Long) r[1]))
                .collect(Collectors.toSet());
    }

    private static String pair(long family, long counselor) {
        return family + "/" + counselor;
    }

    private SessionNote changeableDraft(long noteId, Long version) {
        SessionNote note = note(noteId);
        requireAuthor(note);
        if (note.getStatus() != NoteStatus.DRAFT) {
            throw new Conflict(Conflict.Subject.LOCKED, "the note is signed; add an addendum instead");
        }
        if (version == null || note.getVersion() != version) {
            throw Conflict.stale("note");
        }
        return note;
    }

    private SessionNote reviewable(long noteId, Long version) {
        SessionNote note = note(noteId);
        if (!access.supervisesProgramOf(note.getFamily())) {
            throw new Refused(
                    "notes are co-signed or returned by a supervisor of the family's program",
                    note.getFamily().getId());
        }
        if (note.getStatus() != NoteStatus.SIGNED) {
            throw new Invalid(
                    Invalid.Subject.NOTE, List.of(Invalid.Reason.of("status", "note.review." + note.getStatus())));
        }
        if (version == null || note.getVersion() != version) {
            throw Conflict.stale("note");
        }
        return note;
    }

    /** What the content points at must be the session's: attending members, the family's loved ones. */
    private List<Invalid.Reason> referencesOf(SessionNote note, NoteContent content) {
        Set<Long> attending = note.getAppointment().getMembers().stream()
                .map(FamilyMember::getId)
                .collect(Collectors.toSet());
        Set<Long> lovedOnes =
                lovedOnesOf(note.getFamily()).stream().map(LovedOne::getId).collect(Collectors.toSet());
        List<Invalid.Reason> reasons = new ArrayList<>();
        for (int i = 0; i < content.changeTalk().size(); i++) {
            Long member = content.changeTalk().get(i).memberId();
            if (member != null && !attending.contains(member)) {
                reasons.add(Invalid.Reason.of("changeTalk[" + i + "].memberId", "note.member.notAttending"));
            }
        }
        for (int i = 0; i < content.rulers().size(); i++) {
            if (!attending.contains(content.rulers().get(i).memberId())) {
                reasons.add(Invalid.Reason.of("rulers[" + i + "].memberId", "note.member.notAttending"));
            }
        }
        for (int i = 0; i < content.lovedOneStages().size(); i++) {
            if (!lovedOnes.contains(content.lovedOneStages().get(i).lovedOneId())) {
                reasons.add(Invalid.Reason.of("lovedOneStages[" + i + "].lovedOneId", "note.lovedOne.notOfFamily"));
            }
        }
        if (content.craftProcedures().contains(CraftProcedure.NATURAL_CONSEQUENCES)
                && safetyFlagged(note.getFamily())
                && !safetyPlanOnRecord(note.getFamily())) {
            reasons.add(Invalid.Reason.of("craftProcedures", "note.craft.naturalConsequences"));
        }
        return reasons;
    }

    private NoteContent cleaned(NoteContent c) {
        return new NoteContent(
                NoteText.clean(c.data()),
                NoteText.clean(c.assessment()),
                NoteText.clean(c.plan()),
                blankToNull(c.targetBehaviour()),
                c.openQuestions(),
                c.affirmations(),
                c.reflections(),
                c.summaries(),
                c.changeTalk().stream()
                        .map(t -> new NoteContent.ChangeTalk(t.category(), blankToNull(t.quote()), t.memberId()))
                        .toList(),
                blankToNull(c.sustainTalk()),
                blankToNull(c.discord()),
                c.rulers(),
                c.lovedOneStages(),
                c.craftProcedures(),
                blankToNull(c.overdoseRisk()),
                blankToNull(c.safetyUpdate()),
                c.safetyPlanAgreed(),
                blankToNull(c.homework()),
                blankToNull(c.nextSteps()),
                c.educationTopics());
    }

    private NoteView view(SessionNote note) {
        Appointment a = note.getAppointment();
        Family family = note.getFamily();
        Instant due = dueOf(a);
        boolean intact =
                note.getStatus() == NoteStatus.DRAFT || NoteText.hash(note).equals(note.getContentHash());
        List<NoteView.Addendum> addenda = em.createQuery(
                        "select d from NoteAddendum d join fetch d.author where d.note = :note order by d.writtenAt, d.id",
                        NoteAddendum.class)
                .setParameter("note", note)
                .getResultStream()
                .map(d -> new NoteView.Addendum(
                        d.getId(),
                        d.getAuthor().getDisplayName(),
                        d.getWrittenAt(),
                        d.getBody(),
                        NoteText.hash(d).equals(d.getContentHash())))
                .toList();
        return new NoteView(
                note.getId(),
                a.getId(),
                family.getId(),
                family.getName(),
                family.getCaseNumber().toString(),
                a.getStartsAt().atZone(ClinicTime.zone()).toLocalDate(),
                time(a.getStartsAt()),
                time(a.getEndsAt()),
                a.getKind(),
                a.getMembers().stream()
                        .sorted(Comparator.comparing(FamilyMember::getId))
                        .map(m -> new NoteView.Person(m.getId(), m.getFullName()))
                        .toList(),
                lovedOnesOf(family).stream()
                        .map(l -> new NoteView.Person(l.getId(), l.getAlias()))
                        .toList(),
                note.getAuthor().getUsername(),
                note.getAuthor().getDisplayName(),
                a.getCounselor().getUsername(),
                a.getCounselor().getDisplayName(),
                note.getReassignedBy() == null ? null : note.getReassignedBy().getDisplayName(),
                note.getReassignedAt(),
                note.getReassignReason(),
                note.getStatus(),
                note.content(),
                due,
                note.getStatus() == NoteStatus.DRAFT && clock.now().isAfter(due),
                note.getUpdatedAt(),
                note.getSignedAt(),
                intact,
                note.getCosignedBy() == null ? null : note.getCosignedBy().getDisplayName(),
                note.getCosignedAt(),
                note.getReturnedBy() == null ? null : note.getReturnedBy().getDisplayName(),
                note.getReturnedAt(),
                note.getReturnComment(),
                addenda,
                safetyFlagged(family),
                safetyPlanOnRecord(family),
                note.getVersion());
    }

    private List<LovedOne> lovedOnesOf(Family family) {
        Intake intake = em.find(Intake.class, family.getId());
        return intake == null || !intake.isCompleted() ? List.of() : intake.getLovedOnes();
    }

    private boolean safetyFlagged(Family family) {
        return safetyFlags.standsFor(family);
    }

    /**
     * The family has a written safety plan signed by a counselor ({@link SafetyPlans}): what "allowing natural
     * consequences" waits for while the safety flag stands. The note's own tick box "safety plan agreed" is no
     * longer trusted (issue 25).
     */
    private boolean safetyPlanOnRecord(Family family) {
        return safetyPlans.hasSignedPlan(family);
    }

    /** A family's notes, and what is drawn from them, are for its counselors and its program's supervisors. */
    private void requireFamilyRead(long familyId) {
        access.requireClinicalRead(access.family(familyId));
    }

    private void requireRead(SessionNote note) {
        access.requireClinicalRead(note.getFamily());
    }

    /**
     * A note is written, signed and answered by its author: the counselor who held the session, or the one a
     * supervisor gave it to. Not by caseload: the family may have left it since, and the note must still be
     * finished. This opens that one note only.
     */
    private void requireAuthor(SessionNote note) {
        if (!isAuthor(note)) {
            throw new Refused(
                    "a note is written and signed by its author (who held the session, or was given the note)",
                    note.getFamily().getId());
        }
    }

    private boolean isAuthor(SessionNote note) {
        Caller me = access.caller();
        return me.hasRole(Role.Names.COUNSELOR)
                && note.getAuthor().getUsername().equals(me.username());
    }

    private SessionNote noteOf(Appointment appointment) {
        return em.createQuery("select n from SessionNote n where n.appointment = :a", SessionNote.class)
                .setParameter("a", appointment)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private SessionNote note(long noteId) {
        SessionNote note = em.find(SessionNote.class, noteId);
        if (note == null) {
            throw new NotFound("session note", noteId);
        }
        return note;
    }

    private StaffMember me() {
        return access.caller().staffRecord();
    }

    static Instant dueOf(Appointment appointment) {
        return appointment.getEndsAt().plus(DUE_AFTER);
    }

    private static String time(Instant instant) {
        return TIME.format(instant.atZone(ClinicTime.zone()));
    }

    private static String date(Instant instant) {
        return instant.atZone(ClinicTime.zone()).toLocalDate().toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
