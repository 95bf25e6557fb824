package org.hearth.groups;

import java.io.Serializable;

/** A member left a group; when that freed a seat and someone waited, the first on the waitlist was offered it. */
public record SeatChange(EnrollmentView left, EnrollmentView offered) implements Serializable {}
