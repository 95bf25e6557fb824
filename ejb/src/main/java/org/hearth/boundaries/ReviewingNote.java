package org.hearth.boundaries;

import java.time.LocalDate;

/**
 * What a boundary review needs to know of the session note it is made in.
 *
 * @param id the note
 * @param familyId the family the note is about
 * @param authorStaffId who writes it
 * @param draft whether it is still a draft (reviews made in it may be corrected); signed, they are final
 * @param sessionDay the day of the session, which names the review
 */
public record ReviewingNote(long id, long familyId, long authorStaffId, boolean draft, LocalDate sessionDay) {}
