package org.hearth.groups;

import java.io.Serializable;

/** How many members answered a meeting's reminder "I'll be there" and "I can't come", for its current time. */
public record MeetingAnswerCount(long confirmed, long cantCome) implements Serializable {}
