package org.hearth.engagement;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an open referral has stalled between the loved one's "yes" and their arrival, and since when. The willingness
 * to go passes in hours, so a referral is stalled when nothing was recorded on it for {@link #NO_STEP_LIMIT} (24
 * hours) and no intake is booked yet, or when its intake time has passed without the loved one arriving. Stalled
 * referrals go to the top of "Needing attention".
 *
 * @param reason why it stalled
 * @param since the last step (or the referral's start) for {@link Reason#NO_STEP}; the intake time for
 *     {@link Reason#INTAKE_PASSED}
 */
public record StalledReferral(Reason reason, Instant since) implements Serializable {

    /** How long an open referral without a booked intake may go without a step. */
    public static final Duration NO_STEP_LIMIT = Duration.ofHours(24);

    /** Why a referral stalled. */
    public enum Reason {
        /** No step for 24 hours and no intake booked. */
        NO_STEP,
        /** The intake time passed and the loved one was not recorded as arrived. */
        INTAKE_PASSED
    }

    /**
     * Whether an open referral whose last step (or start) was at {@code lastStepAt} and whose intake is booked at
     * {@code intakeAt} (null: not booked) has stalled at {@code now}.
     */
    public static Optional<StalledReferral> of(Instant lastStepAt, Instant intakeAt, Instant now) {
        Objects.requireNonNull(lastStepAt, "when was the last step?");
        Objects.requireNonNull(now, "stalled when?");
        if (intakeAt != null) {
            return intakeAt.isBefore(now)
                    ? Optional.of(new StalledReferral(Reason.INTAKE_PASSED, intakeAt))
                    : Optional.empty();
        }
        return lastStepAt.isAfter(now.minus(NO_STEP_LIMIT))
                ? Optional.empty()
                : Optional.of(new StalledReferral(Reason.NO_STEP, lastStepAt));
    }
}
