package org.hearth.boundaries;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A boundary as the counselor writes it with the family.
 *
 * @param kind which kind of boundary
 * @param wording the family's own words (required, up to 500 characters)
 * @param consequence the consequence agreed (required, up to 500 characters)
 * @param holderIds the family members who hold it (one or more of the family's)
 * @param agreedOn the day it was agreed (not in the future)
 * @param reviewOn the day to review it (after the day agreed); null: {@value BoundaryRules#REVIEW_AFTER_DAYS} days
 *     after it
 */
public record BoundaryDraft(
        BoundaryKind kind,
        String wording,
        String consequence,
        List<Long> holderIds,
        LocalDate agreedOn,
        LocalDate reviewOn)
        implements Serializable {}
