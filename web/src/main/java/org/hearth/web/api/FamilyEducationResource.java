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
import org.hearth.education.EducationCovered;
import org.hearth.education.EducationGiven;

/**
 * {@code GET /api/v1/families/{familyId}/education}: what the family has been taught, topic by topic, from its session
 * notes (signed, and drafts marked as drafts); the topics are ticked in the note ({@code educationTopics} of its
 * content). The family's counselors and its program's supervisors; audited.
 */
@Path("families/{familyId}/education")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Education", description = "Education given to families: topics covered, handouts")
public class FamilyEducationResource {

    @EJB
    private EducationGiven education;

    @GET
    @Operation(summary = "Each education topic with the family's sessions that covered it, oldest first")
    public EducationCovered covered(@PathParam("familyId") long familyId) {
        return education.forFamily(familyId);
    }
}
