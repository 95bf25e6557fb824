package org.hearth.resources;

/** How a resource reached the family; pages show {@code GivenHow.<NAME>}. */
public enum GivenHow {
    /** Handed over in a session. */
    IN_SESSION,
    /** Sent by email. */
    EMAIL,
    /** Told over the phone. */
    PHONE
}
