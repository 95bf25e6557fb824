package org.hearth.resources;

/** Whether a resource is met in person, online, or both; pages show {@code ResourceSetting.<NAME>}. */
public enum ResourceSetting {
    IN_PERSON,
    ONLINE,
    BOTH
}
