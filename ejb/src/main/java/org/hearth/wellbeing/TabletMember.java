package org.hearth.wellbeing;

import java.io.Serializable;

/**
 * What the tablet page may know of the member it is handed to: the first name and the language of the questions
 * ({@code es} or {@code en}: the member's preferred language, else the family's; English when Hearth has no
 * translation of the questionnaires in it). Nothing else of the family.
 */
public record TabletMember(long familyId, long memberId, String firstName, String language) implements Serializable {}
