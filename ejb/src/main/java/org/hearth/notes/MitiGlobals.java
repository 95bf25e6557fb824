package org.hearth.notes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;

/**
 * The four global scores of one coded session, as MITI 4.2.1 defines them: the coder's overall rating of the
 * whole segment, each from 1 (low) to 5 (high). A score is null until the coder has given it, so a review can
 * be saved half-coded; Bean Validation at the service boundary demands all four, in range, before the review
 * counts.
 *
 * @param cultivatingChangeTalk how much the counselor drew out and strengthened the person's own reasons to
 *     change (CCT)
 * @param softeningSustainTalk how much the counselor avoided drawing out, or softened, the person's reasons
 *     not to change (SST)
 * @param partnership how far the counselor treated the conversation as shared work between equals
 * @param empathy how hard the counselor worked to understand the person's point of view
 */
public record MitiGlobals(
        @NotNull(message = "{miti.global.required}")
                @Min(value = LOWEST, message = "{miti.global.range}")
                @Max(value = HIGHEST, message = "{miti.global.range}")
                Integer cultivatingChangeTalk,
        @NotNull(message = "{miti.global.required}")
                @Min(value = LOWEST, message = "{miti.global.range}")
                @Max(value = HIGHEST, message = "{miti.global.range}")
                Integer softeningSustainTalk,
        @NotNull(message = "{miti.global.required}")
                @Min(value = LOWEST, message = "{miti.global.range}")
                @Max(value = HIGHEST, message = "{miti.global.range}")
                Integer partnership,
        @NotNull(message = "{miti.global.required}")
                @Min(value = LOWEST, message = "{miti.global.range}")
                @Max(value = HIGHEST, message = "{miti.global.range}")
                Integer empathy)
        implements Serializable {

    /** The lowest global score in MITI 4.2.1. */
    public static final int LOWEST = 1;

    /** The highest global score in MITI 4.2.1. */
    public static final int HIGHEST = 5;

    /** Whether the coder has given all four scores (in range or not: that is Bean Validation's to say). */
    public boolean isComplete() {
        return cultivatingChangeTalk != null && softeningSustainTalk != null && partnership != null && empathy != null;
    }
}
