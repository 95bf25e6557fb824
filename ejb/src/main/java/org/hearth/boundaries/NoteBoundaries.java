package org.hearth.boundaries;

import java.io.Serializable;
import java.util.List;

/**
 * What a session note shows of the family's boundaries: the reviews made in it and, while the note is a draft, the
 * family's active boundaries to review.
 *
 * @param open the note is a draft: reviews may be recorded, corrected and removed
 * @param active the family's active boundaries (with their history), to review
 * @param reviews the reviews made in this note
 */
public record NoteBoundaries(long noteId, boolean open, List<BoundaryView> active, List<ReviewView> reviews)
        implements Serializable {}
