package org.hearth.report;

import java.io.Serializable;

/**
 * How many times one item was counted: a refusal reason, a level of care, a kind of session. Lists of tallies
 * come ranked, the largest count first, ties by the item's name.
 *
 * @param item what was counted
 * @param count how many times
 */
public record Tally<K extends Enum<K>>(K item, long count) implements Serializable {}
