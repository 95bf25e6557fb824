package org.hearth.report;

import static org.hearth.notes.MitiSummary.PERCENT_COMPLEX_REFLECTIONS_FAIR;
import static org.hearth.notes.MitiSummary.PERCENT_COMPLEX_REFLECTIONS_GOOD;
import static org.hearth.notes.MitiSummary.REFLECTION_TO_QUESTION_FAIR;
import static org.hearth.notes.MitiSummary.REFLECTION_TO_QUESTION_GOOD;
import static org.hearth.notes.MitiSummary.RELATIONAL_FAIR;
import static org.hearth.notes.MitiSummary.RELATIONAL_GOOD;
import static org.hearth.notes.MitiSummary.TECHNICAL_FAIR;
import static org.hearth.notes.MitiSummary.TECHNICAL_GOOD;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.hearth.notes.MitiBand;

/**
 * One counselor's MI fidelity over the MITI reviews of sessions held in the range, against MITI 4.2.1's fair and
 * good thresholds ({@link org.hearth.notes.MitiSummary}). The globals are averaged over the reviews (technical =
 * the mean of every review's cultivating change talk and softening sustain talk; relational = the mean of
 * partnership and empathy); the ratios are pooled over the reviews' counts (R:Q = all reflections / all questions,
 * %CR = all complex reflections / all reflections), so a long session weighs more than a short one, as in the
 * manual's coding of a whole session. Bands are decided on the whole-number sums, never on rounded scores.
 *
 * @param technical mean technical score, two decimals
 * @param reflectionToQuestion pooled R:Q, two decimals, or null when no question was coded
 * @param percentComplexReflections pooled %CR as a fraction (0.5 is 50%), four decimals, or null when no
 *     reflection was coded
 */
public record CounselorFidelity(
        long counselorId,
        String username,
        String displayName,
        long reviews,
        long selfReviews,
        BigDecimal technical,
        MitiBand technicalBand,
        BigDecimal relational,
        MitiBand relationalBand,
        BigDecimal reflectionToQuestion,
        MitiBand reflectionToQuestionBand,
        BigDecimal percentComplexReflections,
        MitiBand percentComplexReflectionsBand)
        implements Serializable {

    /**
     * The fidelity of {@code reviews} reviews from the sums the database added up: of cultivating change talk and
     * softening sustain talk, of partnership and empathy, of reflections (simple and complex), of questions and of
     * complex reflections.
     */
    static CounselorFidelity of(
            long counselorId,
            String username,
            String displayName,
            long reviews,
            long selfReviews,
            long technicalSum,
            long relationalSum,
            long reflections,
            long questions,
            long complexReflections) {
        return new CounselorFidelity(
                counselorId,
                username,
                displayName,
                reviews,
                selfReviews,
                ratio(technicalSum, 2 * reviews, 2),
                band(technicalSum, 2 * reviews, TECHNICAL_FAIR, TECHNICAL_GOOD),
                ratio(relationalSum, 2 * reviews, 2),
                band(relationalSum, 2 * reviews, RELATIONAL_FAIR, RELATIONAL_GOOD),
                ratio(reflections, questions, 2),
                band(reflections, questions, REFLECTION_TO_QUESTION_FAIR, REFLECTION_TO_QUESTION_GOOD),
                ratio(complexReflections, reflections, 4),
                band(
                        complexReflections,
                        reflections,
                        PERCENT_COMPLEX_REFLECTIONS_FAIR,
                        PERCENT_COMPLEX_REFLECTIONS_GOOD));
    }

    private static BigDecimal ratio(long numerator, long denominator, int scale) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL64)
                .setScale(scale, RoundingMode.HALF_UP);
    }

    /** As MitiSummary decides a band: the score reaches a threshold when numerator >= threshold * denominator. */
    private static MitiBand band(long numerator, long denominator, BigDecimal fair, BigDecimal good) {
        if (denominator == 0) {
            return MitiBand.NOT_APPLICABLE;
        }
        BigDecimal exact = BigDecimal.valueOf(numerator);
        BigDecimal whole = BigDecimal.valueOf(denominator);
        if (exact.compareTo(good.multiply(whole)) >= 0) {
            return MitiBand.GOOD;
        }
        if (exact.compareTo(fair.multiply(whole)) >= 0) {
            return MitiBand.FAIR;
        }
        return MitiBand.BELOW_FAIR;
    }
}
