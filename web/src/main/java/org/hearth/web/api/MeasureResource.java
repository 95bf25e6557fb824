package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.wellbeing.MeasureView;
import org.hearth.wellbeing.Measures;

/** {@code /api/v1/measures/{measureId}}: one PHQ-9 or GAD-7, for its family's counselors and program's supervisors. */
@Path("measures/{measureId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wellbeing measures", description = "Family members' PHQ-9 and GAD-7, scored by Hearth, and when due")
public class MeasureResource {

    @EJB
    private Measures measures;

    @GET
    @Operation(summary = "One measure: its answers, total, band and item 9 mark")
    public MeasureView read(@PathParam("measureId") long measureId) {
        return measures.read(measureId);
    }
}
