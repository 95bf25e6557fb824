package org.hearth.web.view.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The service names the lines it was sent; the page shows each reason next to the input of the line on screen. */
class RecordSafetyPlanTabTest {

    private final List<Integer> members = List.of(1, 3);
    private final List<Integer> contacts = List.of(0, 2);

    @Test
    void aSentLineIsNamedByTheLineOnScreen() {
        assertThat(RecordSafetyPlanTab.onScreen("members[1].part", members, contacts))
                .isEqualTo("members[3].part");
        assertThat(RecordSafetyPlanTab.onScreen("members[0].memberId", members, contacts))
                .as("a member has no input of its own: their part's")
                .isEqualTo("members[1].part");
        assertThat(RecordSafetyPlanTab.onScreen("contacts[1].phone", members, contacts))
                .isEqualTo("contacts[2].phone");
    }

    @Test
    void listsAndTheLeavingPartAreNamedByTheirInputs() {
        assertThat(RecordSafetyPlanTab.onScreen("warningSigns[4]", members, contacts))
                .isEqualTo("warningSigns");
        assertThat(RecordSafetyPlanTab.onScreen("naloxoneTrained[0]", members, contacts))
                .isEqualTo("naloxoneTrained");
        assertThat(RecordSafetyPlanTab.onScreen("leaving.codeWord", members, contacts))
                .isEqualTo("leavingCodeWord");
        assertThat(RecordSafetyPlanTab.onScreen("members", members, contacts)).isNull();
        assertThat(RecordSafetyPlanTab.onScreen("leaving", members, contacts)).isNull();
    }
}
