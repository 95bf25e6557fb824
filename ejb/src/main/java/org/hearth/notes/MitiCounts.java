package org.hearth.notes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.Serializable;

/**
 * The behaviour counts of one coded session, as MITI 4.2.1 defines them: how many times the counselor asked,
 * reflected, affirmed, and so on. A coder tallies each behaviour while listening to (usually) a 20-minute
 * segment, so no count is negative and none reaches a thousand.
 *
 * <p>Instances are immutable; the ranges are checked by Bean Validation at the service boundary, so a form
 * with a bad count can be bound and reported field by field.
 *
 * @param questions questions (Q), open or closed
 * @param simpleReflections simple reflections (SR): say back what the person said, adding little
 * @param complexReflections complex reflections (CR): add meaning or emphasis to what the person said
 * @param affirm affirmations of the person's strengths or efforts
 * @param seekingCollaboration times the counselor asked for the person's ideas or shared power
 * @param emphasizingAutonomy times the counselor stressed the person's choice and control
 * @param persuade attempts to change the person's mind by argument or advice given without permission
 * @param persuadeWithPermission the same, after asking or with the choice left to the person
 * @param confront times the counselor disagreed, corrected, shamed or argued
 * @param givingInformation information given without persuading
 */
public record MitiCounts(
        @Min(value = MIN, message = "{miti.count.range}") @Max(value = MAX, message = "{miti.count.range}")
                int questions,
        @Min(value = MIN, message = "{miti.count.range}") @Max(value = MAX, message = "{miti.count.range}")
                int simpleReflections,
        @Min(value = MIN, message = "{miti.count.range}") @Max(value = MAX, message = "{miti.count.range}")
                int complexReflections,
        @Min(value = MIN, message = "{miti.count.range}") @Max(value = MAX, message = "{miti.count.range}") int affirm,
        @Min(value = MIN, message = "{miti.count.range}") @Max(value = MAX, message = "{miti.count.range}")
                int seekingCollaboration,
        @Min(value = MIN, message = "{miti.count.range}") @Max(value = MAX, message = "{miti.count.range}")
                int emphasizingAutonomy,
        @Min(value = MIN, message = "{miti.count.range}") @Max(value = MAX, message = "{miti.count.range}")
                int persuade,
        @Min(value = MIN, message = "{miti.count.range}") @Max(value = MAX, message = "{miti.count.range}")
                int persuadeWithPermission,
        @Min(value = MIN, message = "{miti.count.range}") @Max(value = MAX, message = "{miti.count.range}")
                int confront,
        @Min(value = MIN, message = "{miti.count.range}") @Max(value = MAX, message = "{miti.count.range}")
                int givingInformation)
        implements Serializable {

    /** The fewest times a behaviour can be counted. */
    public static final int MIN = 0;

    /** The most times a behaviour can be counted; more would be a typing slip, not a session. */
    public static final int MAX = 999;

    /** All reflections, simple and complex (SR + CR): the numerator of R:Q and the denominator of %CR. */
    public int reflections() {
        return simpleReflections + complexReflections;
    }
}
