package org.hearth.plans;

import java.io.Serializable;
import java.util.Set;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;

/**
 * How a provider fits what the plan knows of the loved one, thing by thing: the level of care (the proposed one,
 * or the medication alternative), the payment, the language and the medication wanted. A thing the plan does not
 * know yet, or the directory does not list for the provider, is {@link Fit#NOT_KNOWN}, never a mismatch.
 */
public record ProviderFit(Fit level, Fit payment, Fit language, Fit medication) implements Serializable {

    /** The fit of a provider offering these to a loved one with these needs. */
    public static ProviderFit of(
            PlanNeeds needs,
            Set<LevelOfCare> levels,
            Set<Payment> payments,
            Set<String> languages,
            Set<OudMedication> medications) {
        LevelOfCare alternative =
                needs.medicationWanted() == null ? null : ProposedLevel.medicationLevel(needs.medicationWanted());
        Fit level = needs.proposedLevel() == null || levels.isEmpty()
                ? Fit.NOT_KNOWN
                : (levels.contains(needs.proposedLevel()) || alternative != null && levels.contains(alternative)
                        ? Fit.FITS
                        : Fit.DOES_NOT_FIT);
        return new ProviderFit(
                level,
                of(needs.payment(), payments),
                of(needs.language(), languages),
                of(needs.medicationWanted(), medications));
    }

    /** {@code wanted} among {@code offered}: not known when either is not known. */
    public static <T> Fit of(T wanted, Set<T> offered) {
        if (wanted == null || offered.isEmpty()) {
            return Fit.NOT_KNOWN;
        }
        return offered.contains(wanted) ? Fit.FITS : Fit.DOES_NOT_FIT;
    }

    /** How many things fit, for ranking. */
    public int score() {
        return count(level) + count(payment) + count(language) + count(medication);
    }

    /** Whether anything known does not fit. */
    public boolean hasMismatch() {
        return level == Fit.DOES_NOT_FIT
                || payment == Fit.DOES_NOT_FIT
                || language == Fit.DOES_NOT_FIT
                || medication == Fit.DOES_NOT_FIT;
    }

    private static int count(Fit fit) {
        return fit == Fit.FITS ? 1 : 0;
    }
}
