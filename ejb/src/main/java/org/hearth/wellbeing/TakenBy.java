package org.hearth.wellbeing;

/** How a measure was taken: the counselor read the questions with the member and entered the answers, or the member answered on the clinic's tablet. */
public enum TakenBy {
    WITH_COUNSELOR,
    TABLET
}
