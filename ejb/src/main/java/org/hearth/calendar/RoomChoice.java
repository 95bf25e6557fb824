package org.hearth.calendar;

import java.io.Serializable;

/** A room to choose when booking. */
public record RoomChoice(long id, String name, int capacity) implements Serializable {}
