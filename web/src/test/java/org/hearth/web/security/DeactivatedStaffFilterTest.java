package org.hearth.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeactivatedStaffFilterTest {

    @Test
    void pagesAndTheApiAreCheckedButSigningOutAndPublicResourcesAreNot() {
        assertThat(DeactivatedStaffFilter.isOpen("/caseload/index.xhtml")).isFalse();
        assertThat(DeactivatedStaffFilter.isOpen("/api/v1/me")).isFalse();
        assertThat(DeactivatedStaffFilter.isOpen("/admin/staff.xhtml")).isFalse();

        assertThat(DeactivatedStaffFilter.isOpen("/signout")).isTrue();
        assertThat(DeactivatedStaffFilter.isOpen("/errors/403.xhtml")).isTrue();
        assertThat(DeactivatedStaffFilter.isOpen("/jakarta.faces.resource/hearth.css.xhtml"))
                .isTrue();
        assertThat(DeactivatedStaffFilter.isOpen("/feeds/abc")).isTrue();
        assertThat(DeactivatedStaffFilter.isOpen("/m/abc"))
                .as("a message's link")
                .isTrue();
    }
}
