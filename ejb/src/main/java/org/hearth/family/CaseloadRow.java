package org.hearth.family;

import java.io.Serializable;

/** A family as it appears on a caseload list. */
public record CaseloadRow(long id, String caseNumber, String familyName, FamilyStatus status, boolean intakeIncomplete)
        implements Serializable {}
