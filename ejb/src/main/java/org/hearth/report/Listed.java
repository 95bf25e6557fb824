package org.hearth.report;

import java.io.Serializable;

/**
 * One record behind a figure: the family it belongs to (what the access rules decide on) and the record itself,
 * whose kind each list names (an episode, a session, a note, a family...).
 *
 * @param familyId the family
 * @param recordId the record counted
 */
public record Listed(long familyId, long recordId) implements Serializable {}
