package org.hearth.safetyplan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hearth.security.Invalid;

/**
 * The checks a safety plan's content passes before it is saved, field by field ({@code members[1].memberId},
 * {@code contacts[0].phone}); the content given is already {@link SafetyPlanContent#cleaned() cleaned}. Every text
 * that prints is also checked against {@link PrintedWords}, so a counselor learns at once that a word would give
 * the plan away.
 */
final class PlanChecks {

    static final int MAX_SIGNS = 20;
    static final int MAX_CONTACTS = 10;
    static final int LINE = 300;
    static final int PART = 500;
    static final int NAME = 100;
    static final int RELATION = 60;
    static final int WHERE = 200;
    static final int CODE_WORD = 60;

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{7,25}$");

    private PlanChecks() {}

    /**
     * The reasons the content cannot be saved: {@code familyMembers} are the ids of the family's members;
     * {@code leavingAllowed} whether the intake screened violence at home (the only case a leaving part is kept).
     */
    static List<Invalid.Reason> check(SafetyPlanContent c, Set<Long> familyMembers, boolean leavingAllowed) {
        List<Invalid.Reason> reasons = new ArrayList<>();
        if (c.warningSigns().isEmpty()) {
            reasons.add(Invalid.Reason.plain("warningSigns", "safetyPlan.warningSigns.required"));
        } else if (c.warningSigns().size() > MAX_SIGNS) {
            reasons.add(Invalid.Reason.of("warningSigns", "safetyPlan.warningSigns.tooMany", "" + MAX_SIGNS));
        }
        for (int i = 0; i < c.warningSigns().size(); i++) {
            text(reasons, "warningSigns[" + i + "]", c.warningSigns().get(i), LINE);
        }
        if (c.members().isEmpty()) {
            reasons.add(Invalid.Reason.plain("members", "safetyPlan.members.required"));
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < c.members().size(); i++) {
            SafetyPlanContent.MemberPart p = c.members().get(i);
            String field = "members[" + i + "]";
            if (p.memberId() == null) {
                reasons.add(Invalid.Reason.plain(field + ".memberId", "safetyPlan.member.required"));
            } else if (!familyMembers.contains(p.memberId())) {
                reasons.add(Invalid.Reason.plain(field + ".memberId", "safetyPlan.member.notOfFamily"));
            } else if (!seen.add(p.memberId())) {
                reasons.add(Invalid.Reason.plain(field + ".memberId", "safetyPlan.member.twice"));
            }
            if (SafetyPlanContent.blank(p.part())) {
                reasons.add(Invalid.Reason.plain(field + ".part", "safetyPlan.member.part.required"));
            } else {
                text(reasons, field + ".part", p.part(), PART);
            }
        }
        if (c.contacts().size() > MAX_CONTACTS) {
            reasons.add(Invalid.Reason.of("contacts", "safetyPlan.contacts.tooMany", "" + MAX_CONTACTS));
        }
        for (int i = 0; i < c.contacts().size(); i++) {
            SafetyPlanContent.Contact contact = c.contacts().get(i);
            String field = "contacts[" + i + "]";
            if (SafetyPlanContent.blank(contact.name())) {
                reasons.add(Invalid.Reason.plain(field + ".name", "safetyPlan.contact.name.required"));
            } else {
                text(reasons, field + ".name", contact.name(), NAME);
            }
            text(reasons, field + ".relation", contact.relation(), RELATION);
            if (SafetyPlanContent.blank(contact.phone())) {
                reasons.add(Invalid.Reason.plain(field + ".phone", "safetyPlan.contact.phone.required"));
            } else if (!isPhone(contact.phone())) {
                reasons.add(Invalid.Reason.plain(field + ".phone", "safetyPlan.contact.phone.format"));
            }
        }
        text(reasons, "naloxoneWhere", c.naloxoneWhere(), WHERE);
        for (int i = 0; i < c.naloxoneTrained().size(); i++) {
            if (!familyMembers.contains(c.naloxoneTrained().get(i))) {
                reasons.add(Invalid.Reason.plain("naloxoneTrained[" + i + "]", "safetyPlan.member.notOfFamily"));
            }
        }
        SafetyPlanContent.LeavingSafely l = c.leaving();
        if (l != null) {
            if (!leavingAllowed) {
                reasons.add(Invalid.Reason.plain("leaving", "safetyPlan.leaving.notScreened"));
            } else {
                text(reasons, "leaving.whereToGo", l.whereToGo(), LINE);
                text(reasons, "leaving.howToGetThere", l.howToGetThere(), LINE);
                text(reasons, "leaving.whatToTake", l.whatToTake(), LINE);
                text(reasons, "leaving.codeWord", l.codeWord(), CODE_WORD);
                text(reasons, "leaving.whoToTell", l.whoToTell(), LINE);
            }
        }
        return reasons;
    }

    /** A phone number as people type it: 7 to 25 digits, spaces, dots, dashes or brackets, maybe a leading +. */
    static boolean isPhone(String phone) {
        return PHONE.matcher(phone.strip()).matches()
                && phone.replaceAll("\\D", "").length() >= 7;
    }

    private static void text(List<Invalid.Reason> reasons, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            reasons.add(Invalid.Reason.of(field, "safetyPlan.text.tooLong", "" + max));
            return;
        }
        PrintedWords.firstIn(value)
                .ifPresent(word -> reasons.add(Invalid.Reason.of(field, "safetyPlan.text.printed", word)));
    }
}
