package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.family.Caseload;
import org.hearth.family.CaseloadPage;
import org.hearth.family.CaseloadQuery;
import org.hearth.family.FamilyStatus;

/** {@code GET /api/v1/caseload}: the calling counselor's caseload, one page at a time. */
@Path("caseload")
@RequestScoped
@Tag(name = "Caseload", description = "A counselor's own caseload")
public class CaseloadResource {

    @EJB
    private Caseload caseload;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CaseloadPage mine(
            @QueryParam("status") FamilyStatus status,
            @QueryParam("search") String search,
            @QueryParam("sort") @DefaultValue("CASE_NUMBER") CaseloadQuery.CaseloadSort sort,
            @QueryParam("descending") boolean descending,
            @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("pageSize") @DefaultValue("25") int pageSize) {
        return caseload.mine(new CaseloadQuery(status, search, sort, descending, first, pageSize));
    }
}
