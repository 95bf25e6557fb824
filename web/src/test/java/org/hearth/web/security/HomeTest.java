package org.hearth.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hearth.staff.StaffProfile;
import org.hearth.web.security.CurrentStaff.Home;
import org.junit.jupiter.api.Test;

class HomeTest {

    @Test
    void eachRoleLandsOnItsOwnHome() {
        assertThat(Home.of(withRoles("counselor")).getPath()).isEqualTo("/caseload/index.xhtml");
        assertThat(Home.of(withRoles("front-desk")).getPath()).isEqualTo("/schedule/today.xhtml");
        assertThat(Home.of(withRoles("supervisor")).getPath()).isEqualTo("/reports/overview.xhtml");
        assertThat(Home.of(withRoles("admin")).getPath()).isEqualTo("/admin/index.xhtml");
    }

    @Test
    void aSupervisorWhoCounselsLandsOnTheProgramOverview() {
        assertThat(Home.of(withRoles("counselor", "supervisor"))).isEqualTo(Home.PROGRAM_OVERVIEW);
    }

    @Test
    void someoneWithoutAHearthRoleHasNoHome() {
        assertThatThrownBy(() -> Home.of(withRoles())).isInstanceOf(IllegalStateException.class);
    }

    private static StaffProfile withRoles(String... roles) {
        return new StaffProfile(1, "u", "U", null, List.of(roles), List.of());
    }
}
