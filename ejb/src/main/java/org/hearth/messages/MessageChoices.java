package org.hearth.messages;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditOutcome;
import org.hearth.audit.AuditTrail;
import org.hearth.family.Family;
import org.hearth.family.FamilyAccessPolicy;
import org.hearth.family.FamilyMember;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Role;
import org.hearth.time.ClinicClock;

/**
 * Each family member's messages: whether they are sent reminders and offers, and if not why (DESIGN.md: contact
 * details). Read by those who keep the family's contact details - the front desk, the family's counselors, its
 * program's supervisors - and changed by them, never through an emergency access, with the member's word (5 to 500
 * characters: who said what, when, how) and the version read (409 naming the "message choice"). Stopping withdraws
 * the member's pending messages at once. Every read and change is audited on the family.
 */
@Stateless
@RolesAllowed({Role.Names.FRONT_DESK, Role.Names.COUNSELOR, Role.Names.SUPERVISOR})
public class MessageChoices {

    /** The shortest and longest member's word. */
    public static final int WORD_MIN = 5;

    public static final int WORD_MAX = 500;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FamilyAccessPolicy access;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicClock clock;

    /** Every member of the family with their messages, in the family's order: the family's contact keepers. */
    public List<MessageChoiceView> ofFamily(long familyId) {
        Family family = access.family(familyId);
        access.requireContactAccess(family);
        // the members with their choices in one query (a member without a row never chose)
        List<MessageChoiceView> views = new ArrayList<>();
        for (Object[] row : em.createQuery(
                        "select m, c from FamilyMember m left join MessageChoice c on c.memberId = m.id"
                                + " where m.family = :family order by m.position, m.id",
                        Object[].class)
                .setParameter("family", family)
                .getResultList()) {
            views.add(view((FamilyMember) row[0], (MessageChoice) row[1]));
        }
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_MESSAGE_CHOICES, "Family", familyId, familyId));
        return views;
    }

    /** One member's messages: the family's contact keepers. A member of another family is refused as unknown. */
    public MessageChoiceView of(long familyId, long memberId) {
        Family family = access.family(familyId);
        access.requireContactAccess(family);
        FamilyMember member = memberOf(family, memberId);
        MessageChoiceView view = view(member, em.find(MessageChoice.class, memberId));
        audit.record(AuditEvent.allowedOnFamily(AuditAction.READ_MESSAGE_CHOICES, "FamilyMember", memberId, familyId));
        return view;
    }

    /** Whether the caller may change the family's members' choices (the page shows the form only then). */
    public boolean mayChange(long familyId) {
        return access.mayChange(access.family(familyId), true);
    }

    /**
     * Stops ({@code optedOut}) or starts again the member's messages at their word: the front desk, the family's
     * counselors, its program's supervisors; the member's word is required (5 to 500 characters), and the version
     * read ({@link MessageChoiceView#version()}). Stopping withdraws the member's pending messages; starting again
     * sends the messages written from then on (pending ones withdrawn before are not brought back). Audited.
     */
    public MessageChoiceView change(long familyId, long memberId, Boolean optedOut, String memberWord, Long version) {
        Family family = access.family(familyId);
        access.requireChange(family, true);
        FamilyMember member = memberOf(family, memberId);
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (optedOut == null) {
            reasons.add(Invalid.Reason.plain("optedOut", "messages.choice.required"));
        }
        String word = memberWord == null ? "" : memberWord.strip();
        if (word.isEmpty()) {
            reasons.add(Invalid.Reason.plain("memberWord", "messages.word.required"));
        } else if (word.length() < WORD_MIN || word.length() > WORD_MAX) {
            reasons.add(Invalid.Reason.of(
                    "memberWord", "messages.word.length", String.valueOf(WORD_MIN), String.valueOf(WORD_MAX)));
        }
        if (!reasons.isEmpty()) {
            throw new Invalid(Invalid.Subject.MESSAGE_CHOICE, reasons);
        }
        MessageChoice current = Choosing.lockedChoiceOf(em, member);
        Conflict.requireVersion(version, Choosing.versionOf(current), "message choice");
        int withdrawn = Choosing.choose(
                em, member, current, optedOut, clock.now(), access.caller().username(), word);
        audit.record(new AuditEvent(
                AuditAction.CHANGE_MESSAGE_CHOICE,
                "FamilyMember",
                String.valueOf(memberId),
                familyId,
                AuditOutcome.ALLOWED,
                (optedOut ? "stopped at the member's word; " + withdrawn + " pending withdrawn" : "started again")));
        return view(member, em.find(MessageChoice.class, memberId));
    }

    private FamilyMember memberOf(Family family, long memberId) {
        FamilyMember member = em.find(FamilyMember.class, memberId);
        if (member == null || !member.getFamily().getId().equals(family.getId())) {
            // another family's member is answered as one that does not exist: its family is not told
            throw new NotFound("family member", memberId);
        }
        return member;
    }

    private MessageChoiceView view(FamilyMember member, MessageChoice choice) {
        boolean optedOut = choice != null && choice.isOptedOut();
        boolean byLink = choice != null && MessageChoiceView.BY_LINK.equals(choice.getChangedBy());
        return new MessageChoiceView(
                member.getId(),
                member.getFamily().getId(),
                member.getFullName(),
                MessagesState.of(member.getEmail(), member.isParticipates(), member.isSafeToMail(), optedOut, byLink),
                optedOut,
                choice == null ? null : choice.getChangedAt(),
                choice == null
                        ? null
                        : choice.getChangedAt().atZone(clock.zone()).toLocalDate(),
                choice == null ? null : choice.getChangedBy(),
                choice == null ? null : choice.getMemberWord(),
                Choosing.versionOf(choice));
    }
}
