package org.hearth.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffMemberTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void aSignInLinksTheSubjectAndTakesNameEmailAndRolesFromTheToken() {
        StaffMember member = new StaffMember("carlos", "Prepared by admin");

        member.signedIn(
                new SignedInIdentity("sub-1", "carlos", "Carlos Rivera", "carlos@clinic.example"),
                List.of("supervisor", "counselor"),
                NOW);

        assertThat(member.getSubject()).isEqualTo("sub-1");
        assertThat(member.getDisplayName()).isEqualTo("Carlos Rivera");
        assertThat(member.getEmail()).isEqualTo("carlos@clinic.example");
        assertThat(member.getRoles()).containsExactly("counselor", "supervisor");
        assertThat(member.getLastSignInAt()).isEqualTo(NOW);
    }

    @Test
    void aTokenWithoutNameOrEmailKeepsWhatIsKnown() {
        StaffMember member = new StaffMember("frida", "Frida Moreno");
        member.signedIn(new SignedInIdentity("sub-2", "frida", "Frida Moreno", "frida@clinic.example"), List.of(), NOW);

        member.signedIn(new SignedInIdentity("sub-2", "frida", " ", null), List.of("front-desk"), NOW);

        assertThat(member.getDisplayName()).isEqualTo("Frida Moreno");
        assertThat(member.getEmail()).isEqualTo("frida@clinic.example");
        assertThat(member.getRoles()).containsExactly("front-desk");
    }

    @Test
    void aStaffMemberWithoutRolesHasNone() {
        assertThat(new StaffMember("x", "X").getRoles()).isEmpty();
    }

    @Test
    void aDeactivatedStaffMemberIsInactiveUntilReactivated() {
        StaffMember member = new StaffMember("carlos", "Carlos Rivera");
        assertThat(member.isActive()).isTrue();

        member.deactivate("ada", NOW);

        assertThat(member.isActive()).isFalse();
        assertThat(member.getDeactivatedBy()).isEqualTo("ada");
        assertThat(member.getDeactivatedAt()).isEqualTo(NOW);

        member.reactivate();

        assertThat(member.isActive()).isTrue();
        assertThat(member.getDeactivatedAt()).isNull();
    }

    @Test
    void aClosedProgramIsOpenAgainOnceReopened() {
        Program program = new Program("Family Recovery");

        program.close("ada", NOW);
        assertThat(program.isClosed()).isTrue();
        assertThat(program.getClosedBy()).isEqualTo("ada");

        program.reopen();
        assertThat(program.isClosed()).isFalse();
    }
}
