package org.hearth.education;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a counselor teaches a family, ticked in the session note's education checklist; each topic has a one-page
 * handout in English and Spanish ({@link Handouts}), reached at {@code /api/v1/handouts/<slug>.pdf}.
 */
public enum EducationTopic {
    /** Signs of an overdose and how to give naloxone. */
    OVERDOSE_NALOXONE("overdose-naloxone"),
    /** Withdrawal and its timeline. */
    WITHDRAWAL("withdrawal"),
    /** Medication options: methadone, buprenorphine, naltrexone. */
    MEDICATIONS("medications"),
    /** What each level of care means. */
    LEVELS_OF_CARE("levels-of-care"),
    /** Signs of a return to use (relapse). */
    RETURN_TO_USE("return-to-use"),
    /** Self-care for the family. */
    SELF_CARE("self-care");

    private final String slug;

    EducationTopic(String slug) {
        this.slug = slug;
    }

    /** The topic's name in a handout's address ({@code overdose-naloxone}). */
    public String slug() {
        return slug;
    }

    /** The topic of a handout address, if there is one. */
    public static Optional<EducationTopic> ofSlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }
}
