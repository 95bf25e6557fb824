package org.hearth.family;

import jakarta.ejb.ApplicationException;
import org.hearth.security.RecordNotFoundException;

/** There is no family member with that id. */
@ApplicationException(rollback = true)
public class MemberNotFoundException extends RecordNotFoundException {

    private static final long serialVersionUID = 1L;

    public MemberNotFoundException(long memberId) {
        super("no family member " + memberId);
    }
}
