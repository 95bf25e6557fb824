package org.hearth.safetyplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import org.hearth.security.Invalid;
import org.junit.jupiter.api.Test;

class PlanChecksTest {

    private static final Set<Long> FAMILY = Set.of(11L, 12L);

    private static SafetyPlanContent plan(
            List<SafetyPlanContent.MemberPart> members,
            List<SafetyPlanContent.Contact> contacts,
            SafetyPlanContent.LeavingSafely leaving) {
        return new SafetyPlanContent(
                        List.of("He stops answering his phone", "  ", "Shouting at night"),
                        members,
                        contacts,
                        "Kitchen drawer by the sink",
                        List.of(11L),
                        leaving)
                .cleaned();
    }

    private static List<SafetyPlanContent.MemberPart> parts() {
        return List.of(new SafetyPlanContent.MemberPart(11L, "Calls the crisis line and stays with the children"));
    }

    @Test
    void aCompletePlanPasses() {
        SafetyPlanContent c =
                plan(parts(), List.of(new SafetyPlanContent.Contact("Aunt Rosa", "aunt", "(212) 555-0147")), null);
        assertThat(PlanChecks.check(c, FAMILY, false)).isEmpty();
        assertThat(c.warningSigns()).containsExactly("He stops answering his phone", "Shouting at night");
    }

    @Test
    void aPlanNeedsWarningSignsAndAMembersPart() {
        SafetyPlanContent empty =
                new SafetyPlanContent(List.of(" "), List.of(), List.of(), null, List.of(), null).cleaned();
        assertThat(PlanChecks.check(empty, FAMILY, false))
                .extracting(Invalid.Reason::field, Invalid.Reason::messageKey)
                .containsExactly(
                        tuple("warningSigns", "safetyPlan.warningSigns.required"),
                        tuple("members", "safetyPlan.members.required"));
    }

    @Test
    void aMemberOfAnotherFamilyATwiceNamedMemberAndAMissingPartAreNamedByLine() {
        SafetyPlanContent c = plan(
                List.of(
                        new SafetyPlanContent.MemberPart(11L, "Calls 988"),
                        new SafetyPlanContent.MemberPart(99L, "Leaves the house"),
                        new SafetyPlanContent.MemberPart(11L, "Takes the car keys"),
                        new SafetyPlanContent.MemberPart(12L, " ")),
                List.of(),
                null);
        assertThat(PlanChecks.check(c, FAMILY, false))
                .extracting(Invalid.Reason::field, Invalid.Reason::messageKey)
                .containsExactly(
                        tuple("members[1].memberId", "safetyPlan.member.notOfFamily"),
                        tuple("members[2].memberId", "safetyPlan.member.twice"),
                        tuple("members[3].part", "safetyPlan.member.part.required"));
    }

    @Test
    void aContactNeedsANameAndAPhoneNumberOfAPhonesShape() {
        SafetyPlanContent c = plan(
                parts(),
                List.of(
                        new SafetyPlanContent.Contact("Aunt Rosa", null, "call me maybe"),
                        new SafetyPlanContent.Contact(null, "neighbour", "555-0100 12"),
                        new SafetyPlanContent.Contact("Pastor Ruiz", "church", null),
                        new SafetyPlanContent.Contact("Dee", null, "--()--..  ")),
                null);
        assertThat(PlanChecks.check(c, FAMILY, false))
                .extracting(Invalid.Reason::field, Invalid.Reason::messageKey)
                .containsExactly(
                        tuple("contacts[0].phone", "safetyPlan.contact.phone.format"),
                        tuple("contacts[1].name", "safetyPlan.contact.name.required"),
                        tuple("contacts[2].phone", "safetyPlan.contact.phone.required"),
                        tuple("contacts[3].phone", "safetyPlan.contact.phone.format"));
    }

    @Test
    void aWordThePrintedCopyMustNotCarryIsNamedWhereItWasTyped() {
        SafetyPlanContent c = new SafetyPlanContent(
                        List.of("Signs of an Overdose"),
                        List.of(new SafetyPlanContent.MemberPart(11L, "Hides the NARCAN in her bag")),
                        List.of(new SafetyPlanContent.Contact("Dr. Lee", "tratamiento", "212 555 0147")),
                        "Bathroom, with the drugs",
                        List.of(),
                        null)
                .cleaned();
        assertThat(PlanChecks.check(c, FAMILY, false))
                .extracting(Invalid.Reason::field, r -> r.arguments().get(0))
                .containsExactly(
                        tuple("warningSigns[0]", "overdos"),
                        tuple("members[0].part", "narcan"),
                        tuple("contacts[0].relation", "tratamiento"),
                        tuple("naloxoneWhere", "drug"));
    }

    @Test
    void aLeavingSafelyPartIsKeptOnlyWhenTheIntakeScreenedViolenceAtHome() {
        SafetyPlanContent.LeavingSafely leaving = new SafetyPlanContent.LeavingSafely(
                "My sister's flat", "Bus 12", "Papers, phone", "blue", "Rosa", true);
        SafetyPlanContent c = plan(parts(), List.of(), leaving);
        assertThat(PlanChecks.check(c, FAMILY, true)).isEmpty();
        assertThat(PlanChecks.check(c, FAMILY, false))
                .extracting(Invalid.Reason::field, Invalid.Reason::messageKey)
                .containsExactly(tuple("leaving", "safetyPlan.leaving.notScreened"));
    }

    @Test
    void anEmptyLeavingPartIsDropped() {
        SafetyPlanContent c =
                plan(parts(), List.of(), new SafetyPlanContent.LeavingSafely(" ", null, "", null, null, false));
        assertThat(c.leaving()).isNull();
        assertThat(PlanChecks.check(c, FAMILY, false)).isEmpty();
    }

    @Test
    void aTooLongLineIsNamed() {
        SafetyPlanContent c =
                new SafetyPlanContent(List.of("x".repeat(301)), parts(), List.of(), null, List.of(), null).cleaned();
        assertThat(PlanChecks.check(c, FAMILY, false))
                .extracting(Invalid.Reason::field, Invalid.Reason::messageKey)
                .containsExactly(tuple("warningSigns[0]", "safetyPlan.text.tooLong"));
    }

    @Test
    void contentReadsBackFromItsJsonAsSavedAndChangesAreReportedBySection() {
        SafetyPlanContent c = plan(
                parts(),
                List.of(new SafetyPlanContent.Contact("Aunt Rosa", null, "(212) 555-0147")),
                new SafetyPlanContent.LeavingSafely("Shelter", null, "Keys", "blue", null, true));
        assertThat(SafetyPlanContent.fromJson(c.toJson())).isEqualTo(c);
        assertThat(c.changedSince(null))
                .containsExactly(
                        SafetyPlanContent.Section.WARNING_SIGNS,
                        SafetyPlanContent.Section.MEMBERS,
                        SafetyPlanContent.Section.CONTACTS,
                        SafetyPlanContent.Section.NALOXONE,
                        SafetyPlanContent.Section.LEAVING);
        SafetyPlanContent moved = new SafetyPlanContent(
                c.warningSigns(), c.members(), c.contacts(), "Hall cupboard", c.naloxoneTrained(), c.leaving());
        assertThat(moved.changedSince(c)).containsExactly(SafetyPlanContent.Section.NALOXONE);
        assertThat(c.changedSince(c)).isEmpty();
    }
}
