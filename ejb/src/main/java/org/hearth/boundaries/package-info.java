/**
 * The family's boundaries (issue 25): what the family agreed to hold, in its own words, who holds it, the consequence
 * agreed and when to review it; reviewed in session notes as kept, broken or changed, so the history shows. It never
 * depends on the notes package (notes tell it about themselves through {@link org.hearth.boundaries.ReviewingNotes}),
 * never overwrites a wording without keeping the one before, and never lets a review change after its note is signed.
 */
package org.hearth.boundaries;
