package org.hearth.family;

import java.time.Instant;

/**
 * A family's intake has just been completed, in the counselor's transaction: the features that start work from
 * an intake observe it (engagement opens an episode for each loved one not in treatment), so the intake needs
 * to know none of them.
 */
public record IntakeCompleted(Family family, Intake intake, String by, Instant at) {}
