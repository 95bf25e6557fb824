package org.hearth.family;

import jakarta.ejb.ApplicationException;
import org.hearth.security.RecordNotFoundException;

/** There is no family with that id. */
@ApplicationException(rollback = true)
public class FamilyNotFoundException extends RecordNotFoundException {

    private static final long serialVersionUID = 1L;

    public FamilyNotFoundException(long familyId) {
        super("There is no family " + familyId + ".");
    }

    /** No family has this case number. */
    public FamilyNotFoundException(String caseNumber) {
        super("No family has the case number " + caseNumber + ".");
    }
}
