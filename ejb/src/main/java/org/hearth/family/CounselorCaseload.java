package org.hearth.family;

import java.io.Serializable;

/** How many families a counselor has (within the supervisor's programs): in all, still in intake, and flagged for safety. */
public record CounselorCaseload(String username, String displayName, long families, long inIntake, long safetyFlagged)
        implements Serializable {}
