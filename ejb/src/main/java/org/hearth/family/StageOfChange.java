package org.hearth.family;

/** The family's perception of where the loved one stands (transtheoretical model). */
public enum StageOfChange {
    PRECONTEMPLATION,
    CONTEMPLATION,
    PREPARATION,
    ACTION,
    MAINTENANCE
}
