/**
 * The family members' own wellbeing: PHQ-9 (depression) and GAD-7 (anxiety) questionnaires taken by each
 * participating member at intake and then every four weeks, scored and banded by Hearth ({@link
 * org.hearth.wellbeing.Scoring}), a PHQ-9 item 9 answer above 0 raising the family's safety flag at once. It must
 * never show a member's answers to anyone but the family's counselors and its program's supervisors, never let a
 * score be typed instead of computed, and never depend on {@code notes} or {@code report} (they may read it).
 */
package org.hearth.wellbeing;
