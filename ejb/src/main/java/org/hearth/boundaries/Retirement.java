package org.hearth.boundaries;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A boundary the family no longer holds: from when and why.
 *
 * @param retiredOn the day (not in the future, not before the day agreed); null: today
 * @param reason why (required, up to 500 characters)
 */
public record Retirement(LocalDate retiredOn, String reason) implements Serializable {}
