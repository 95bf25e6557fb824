package org.hearth.appointments;

import java.io.Serializable;
import java.time.Instant;

/** A member confirmed a family session ("I'll be there", by a reminder's link) at {@code at}, for its current time. */
public record Confirmation(long memberId, String memberName, Instant at) implements Serializable {}
