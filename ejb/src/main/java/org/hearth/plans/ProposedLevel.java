package org.hearth.plans;

import java.io.Serializable;
import java.util.List;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.OudMedication;

/**
 * The level of care Hearth suggests to the counselor from the intake's six ASAM ratings of the loved one (0 none
 * to 4 severe, as the family reported them), with a medication alternative for opioid use. This is Hearth's
 * simplification to help a counselor propose a level; it is not an ASAM placement, which needs a clinician's
 * assessment of the person. The first rule that matches decides:
 *
 * <ol>
 *   <li>dimension 1 (intoxication, withdrawal) at 3 or more: withdrawal management;
 *   <li>any dimension at 4, or dimension 5 (relapse potential) or 6 (living environment) at 3 or more: residential;
 *   <li>dimension 2 (biomedical) or 3 (emotional, behavioural) at 3 or more: partial hospitalization;
 *   <li>dimension 4, 5 or 6 at 2 or more: intensive outpatient;
 *   <li>otherwise: outpatient.
 * </ol>
 *
 * No rating at all gives no suggestion. A loved one who uses opioids and wants a medication gets the level where
 * that medication is given as the alternative: methadone at an opioid treatment program, buprenorphine
 * office-based, extended-release naltrexone as naltrexone.
 *
 * @param level the suggested level, or null when the intake rated nothing
 * @param alternative the medication level for opioid use, or null
 */
public record ProposedLevel(LevelOfCare level, LevelOfCare alternative) implements Serializable {

    /**
     * The suggestion for these ratings (dimensions 1 to 6 in order; a missing or null rating counts as 0 when
     * another one is given), whether the loved one uses opioids, and the medication wanted (null: none).
     */
    public static ProposedLevel from(List<Integer> ratings, boolean opioidUse, OudMedication wanted) {
        LevelOfCare alternative = opioidUse && wanted != null ? medicationLevel(wanted) : null;
        if (ratings == null || ratings.stream().allMatch(r -> r == null)) {
            return new ProposedLevel(null, alternative);
        }
        int[] d = new int[7];
        for (int i = 0; i < 6 && i < ratings.size(); i++) {
            d[i + 1] = ratings.get(i) == null ? 0 : ratings.get(i);
        }
        LevelOfCare level;
        if (d[1] >= 3) {
            level = LevelOfCare.WITHDRAWAL_MANAGEMENT;
        } else if (max(d) >= 4 || d[5] >= 3 || d[6] >= 3) {
            level = LevelOfCare.RESIDENTIAL;
        } else if (d[2] >= 3 || d[3] >= 3) {
            level = LevelOfCare.PARTIAL_HOSPITALIZATION;
        } else if (d[4] >= 2 || d[5] >= 2 || d[6] >= 2) {
            level = LevelOfCare.INTENSIVE_OUTPATIENT;
        } else {
            level = LevelOfCare.OUTPATIENT;
        }
        return new ProposedLevel(level, alternative);
    }

    /** The level of care where a medication for opioid use disorder is given. */
    public static LevelOfCare medicationLevel(OudMedication medication) {
        return switch (medication) {
            case METHADONE -> LevelOfCare.OPIOID_TREATMENT_PROGRAM;
            case BUPRENORPHINE_NALOXONE, BUPRENORPHINE_MONO, BUPRENORPHINE_EXTENDED_RELEASE -> LevelOfCare
                    .OFFICE_BASED_BUPRENORPHINE;
            case NALTREXONE_EXTENDED_RELEASE -> LevelOfCare.NALTREXONE;
        };
    }

    private static int max(int[] d) {
        int max = 0;
        for (int v : d) {
            max = Math.max(max, v);
        }
        return max;
    }
}
