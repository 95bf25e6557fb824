package org.hearth.notes;

/**
 * Where a session note is in its life: written ({@code DRAFT}), signed by its author and final
 * ({@code SIGNED}), returned by a supervisor with a comment the author answers in an addendum
 * ({@code RETURNED}), or co-signed by a supervisor ({@code CO_SIGNED}).
 */
public enum NoteStatus {
    DRAFT,
    SIGNED,
    RETURNED,
    CO_SIGNED
}
