package org.hearth.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.ServletException;
import org.hearth.security.Refused;
import org.junit.jupiter.api.Test;
import org.primefaces.csp.CspException;

class ServerErrorServletTest {

    @Test
    void aRefusalThatFacesWrappedIsAnsweredByTheAccessDeniedPage() {
        assertThat(ServerErrorServlet.pageOfCause(
                        new ServletException("wrapped", new FacesException(new ProtectedViewException("no token")))))
                .isEqualTo("/errors/access-denied");
        assertThat(ServerErrorServlet.pageOfCause(new ServletException("CSP", new CspException("nonce mismatch"))))
                .isEqualTo("/errors/access-denied");
        assertThat(ServerErrorServlet.pageOfCause(new ServletException(new EJBAccessException("roles"))))
                .isEqualTo("/errors/access-denied");
        assertThat(ServerErrorServlet.pageOfCause(new ServletException(new Refused("not yours", 12L))))
                .isEqualTo("/errors/access-denied");
    }

    @Test
    void anExpiredViewIsSaidSoAndAnythingElseIsNoneOfThese() {
        assertThat(ServerErrorServlet.pageOfCause(new ServletException(new ViewExpiredException("gone", "/x.xhtml"))))
                .isEqualTo("/errors/expired.xhtml");
        assertThat(ServerErrorServlet.pageOfCause(new ServletException(new IllegalStateException("a bug"))))
                .isNull();
        assertThat(ServerErrorServlet.pageOfCause(null)).isNull();
    }
}
