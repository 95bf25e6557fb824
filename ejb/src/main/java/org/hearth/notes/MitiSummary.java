package org.hearth.notes;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The summary scores of one coded session, computed from its counts and globals as MITI 4.2.1 defines them,
 * each with the band it falls in against the manual's provisional thresholds for fair and good proficiency
 * (Moyers, Manuel &amp; Ernst, <i>Motivational Interviewing Treatment Integrity Coding Manual 4.2.1</i>):
 *
 * <ul>
 *   <li>technical = mean(cultivating change talk, softening sustain talk): fair 3, good 4;
 *   <li>relational = mean(partnership, empathy): fair 3.5, good 4;
 *   <li>reflection-to-question ratio R:Q = (SR + CR) / Q: fair 1, good 2;
 *   <li>percent complex reflections %CR = CR / (SR + CR): fair 40%, good 50%;
 *   <li>total MI-adherent = seeking collaboration + affirm + emphasizing autonomy;
 *   <li>total MI non-adherent = confront + persuade (persuade with permission is not non-adherent).
 * </ul>
 *
 * <p><b>Numbers.</b> Scores are {@link BigDecimal}, not {@code double}, so what is shown and stored is what the
 * manual's arithmetic gives: a mean of two whole scores is exact to one decimal (3.5, 4.0). A ratio such as
 * 2/3 has no exact decimal, so R:Q and %CR carry 16 significant digits; a view rounds them for display (R:Q to
 * two decimals, %CR as a whole percent). <b>Bands never look at those digits</b>: each is decided by
 * comparing whole numbers, numerator against threshold times denominator ({@code SR + CR >= 2 * Q} for a good
 * R:Q), so a score exactly on a threshold always reaches it and one a hair under never does.
 *
 * <p>Build one with {@link #of(MitiCounts, MitiGlobals)}; the constructor takes the values as given.
 *
 * @param technical mean of cultivating change talk and softening sustain talk, one decimal
 * @param technicalBand where {@code technical} falls against {@link #TECHNICAL_FAIR} and {@link #TECHNICAL_GOOD}
 * @param relational mean of partnership and empathy, one decimal
 * @param relationalBand where {@code relational} falls against {@link #RELATIONAL_FAIR} and
 *     {@link #RELATIONAL_GOOD}
 * @param reflectionToQuestion (SR + CR) / Q, or null when no question was asked
 * @param reflectionToQuestionBand where R:Q falls against {@link #REFLECTION_TO_QUESTION_FAIR} and
 *     {@link #REFLECTION_TO_QUESTION_GOOD}; {@link MitiBand#NOT_APPLICABLE} when no question was asked
 * @param percentComplexReflections CR / (SR + CR) as a fraction from 0 to 1 (0.4 is 40%), or null when no
 *     reflection was made
 * @param percentComplexReflectionsBand where %CR falls against {@link #PERCENT_COMPLEX_REFLECTIONS_FAIR} and
 *     {@link #PERCENT_COMPLEX_REFLECTIONS_GOOD}; {@link MitiBand#NOT_APPLICABLE} when no reflection was made
 * @param totalMiAdherent seeking collaboration + affirm + emphasizing autonomy
 * @param totalMiNonAdherent confront + persuade
 */
public record MitiSummary(
        BigDecimal technical,
        MitiBand technicalBand,
        BigDecimal relational,
        MitiBand relationalBand,
        BigDecimal reflectionToQuestion,
        MitiBand reflectionToQuestionBand,
        BigDecimal percentComplexReflections,
        MitiBand percentComplexReflectionsBand,
        int totalMiAdherent,
        int totalMiNonAdherent)
        implements Serializable {

    /** MITI 4.2.1 threshold for fair proficiency on the technical global: a mean of 3. */
    public static final BigDecimal TECHNICAL_FAIR = new BigDecimal("3");

    /** MITI 4.2.1 threshold for good proficiency on the technical global: a mean of 4. */
    public static final BigDecimal TECHNICAL_GOOD = new BigDecimal("4");

    /** MITI 4.2.1 threshold for fair proficiency on the relational global: a mean of 3.5. */
    public static final BigDecimal RELATIONAL_FAIR = new BigDecimal("3.5");

    /** MITI 4.2.1 threshold for good proficiency on the relational global: a mean of 4. */
    public static final BigDecimal RELATIONAL_GOOD = new BigDecimal("4");

    /** MITI 4.2.1 threshold for fair proficiency on R:Q: one reflection for each question (1:1). */
    public static final BigDecimal REFLECTION_TO_QUESTION_FAIR = new BigDecimal("1");

    /** MITI 4.2.1 threshold for good proficiency on R:Q: two reflections for each question (2:1). */
    public static final BigDecimal REFLECTION_TO_QUESTION_GOOD = new BigDecimal("2");

    /** MITI 4.2.1 threshold for fair proficiency on %CR: 40% of reflections complex. */
    public static final BigDecimal PERCENT_COMPLEX_REFLECTIONS_FAIR = new BigDecimal("0.40");

    /** MITI 4.2.1 threshold for good proficiency on %CR: 50% of reflections complex. */
    public static final BigDecimal PERCENT_COMPLEX_REFLECTIONS_GOOD = new BigDecimal("0.50");

    /** Digits kept in R:Q and %CR; far more than any view shows, and never used to decide a band. */
    private static final MathContext RATIO_PRECISION = MathContext.DECIMAL64;

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public MitiSummary {
        Objects.requireNonNull(technical, "a summary needs a technical score");
        Objects.requireNonNull(relational, "a summary needs a relational score");
        Objects.requireNonNull(technicalBand, "a summary needs the technical band");
        Objects.requireNonNull(relationalBand, "a summary needs the relational band");
        Objects.requireNonNull(reflectionToQuestionBand, "a summary needs the R:Q band");
        Objects.requireNonNull(percentComplexReflectionsBand, "a summary needs the %CR band");
    }

    /**
     * The summary scores of a session coded with these counts and globals.
     *
     * <p>Scores cannot be computed from a half-coded or out-of-range review, so this demands what Bean
     * Validation checks at the service boundary: every count from 0 to 999, every global given and from 1 to 5.
     *
     * @throws IllegalArgumentException naming the first count or global that is missing or out of range
     */
    public static MitiSummary of(MitiCounts counts, MitiGlobals globals) {
        Objects.requireNonNull(counts, "a summary needs the behaviour counts");
        Objects.requireNonNull(globals, "a summary needs the global scores");
        requireCounted(counts);
        int cultivatingChangeTalk = requireScored(globals.cultivatingChangeTalk(), "cultivatingChangeTalk");
        int softeningSustainTalk = requireScored(globals.softeningSustainTalk(), "softeningSustainTalk");
        int partnership = requireScored(globals.partnership(), "partnership");
        int empathy = requireScored(globals.empathy(), "empathy");

        int technicalSum = cultivatingChangeTalk + softeningSustainTalk;
        int relationalSum = partnership + empathy;
        int reflections = counts.reflections();
        int questions = counts.questions();
        int complex = counts.complexReflections();

        return new MitiSummary(
                meanOfTwo(technicalSum),
                band(technicalSum, 2, TECHNICAL_FAIR, TECHNICAL_GOOD),
                meanOfTwo(relationalSum),
                band(relationalSum, 2, RELATIONAL_FAIR, RELATIONAL_GOOD),
                ratio(reflections, questions),
                band(reflections, questions, REFLECTION_TO_QUESTION_FAIR, REFLECTION_TO_QUESTION_GOOD),
                ratio(complex, reflections),
                band(complex, reflections, PERCENT_COMPLEX_REFLECTIONS_FAIR, PERCENT_COMPLEX_REFLECTIONS_GOOD),
                counts.seekingCollaboration() + counts.affirm() + counts.emphasizingAutonomy(),
                counts.confront() + counts.persuade());
    }

    /** Half of a sum of two whole scores: always exact, kept to one decimal so 4 reads as 4.0 beside 3.5. */
    private static BigDecimal meanOfTwo(int sum) {
        return BigDecimal.valueOf(sum).divide(TWO).setScale(1);
    }

    /** The ratio to {@link #RATIO_PRECISION}, or null when the denominator is zero. */
    private static BigDecimal ratio(int numerator, int denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATIO_PRECISION);
    }

    /**
     * The band of {@code numerator / denominator}, decided without dividing: the score reaches a threshold
     * when {@code numerator >= threshold * denominator}, computed exactly. The denominator is never negative.
     */
    private static MitiBand band(int numerator, int denominator, BigDecimal fair, BigDecimal good) {
        if (denominator == 0) {
            return MitiBand.NOT_APPLICABLE;
        }
        BigDecimal exactNumerator = BigDecimal.valueOf(numerator);
        BigDecimal exactDenominator = BigDecimal.valueOf(denominator);
        if (exactNumerator.compareTo(good.multiply(exactDenominator)) >= 0) {
            return MitiBand.GOOD;
        }
        if (exactNumerator.compareTo(fair.multiply(exactDenominator)) >= 0) {
            return MitiBand.FAIR;
        }
        return MitiBand.BELOW_FAIR;
    }

    private static void requireCounted(MitiCounts counts) {
        requireCount(counts.questions(), "questions");
        requireCount(counts.simpleReflections(), "simpleReflections");
        requireCount(counts.complexReflections(), "complexReflections");
        requireCount(counts.affirm(), "affirm");
        requireCount(counts.seekingCollaboration(), "seekingCollaboration");
        requireCount(counts.emphasizingAutonomy(), "emphasizingAutonomy");
        requireCount(counts.persuade(), "persuade");
        requireCount(counts.persuadeWithPermission(), "persuadeWithPermission");
        requireCount(counts.confront(), "confront");
        requireCount(counts.givingInformation(), "givingInformation");
    }

    private static void requireCount(int count, String behaviour) {
        if (count < MitiCounts.MIN || count > MitiCounts.MAX) {
            throw new IllegalArgumentException("a behaviour count is from " + MitiCounts.MIN + " to " + MitiCounts.MAX
                    + ": " + behaviour + " is " + count);
        }
    }

    private static int requireScored(Integer score, String global) {
        if (score == null) {
            throw new IllegalArgumentException("the global " + global + " is not scored yet");
        }
        if (score < MitiGlobals.LOWEST || score > MitiGlobals.HIGHEST) {
            throw new IllegalArgumentException("a global is scored from " + MitiGlobals.LOWEST + " to "
                    + MitiGlobals.HIGHEST + ": " + global + " is " + score);
        }
        return score;
    }
}
