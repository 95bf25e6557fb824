package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.staff.StaffDirectory;
import org.hearth.web.security.SignedInUser;

/** {@code GET /api/v1/me}: the caller's own staff profile, resolved from their bearer token. */
@Path("me")
@RequestScoped
@Tag(name = "Me", description = "The caller's own profile")
public class MeResource {

    @EJB
    private StaffDirectory staffDirectory;

    @Context
    private HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        return Me.of(staffDirectory.profile(
                SignedInUser.identityOf(request).orElseThrow(() -> new NotAuthorizedException("Bearer"))));
    }
}
