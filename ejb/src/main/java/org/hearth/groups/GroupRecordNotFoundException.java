package org.hearth.groups;

import jakarta.ejb.ApplicationException;
import org.hearth.security.RecordNotFoundException;

/** No support group, group session, enrollment or family member has this id: 404. */
@ApplicationException(rollback = true)
public class GroupRecordNotFoundException extends RecordNotFoundException {

    private static final long serialVersionUID = 1L;

    public GroupRecordNotFoundException(String what, long id) {
        super("no " + what + " " + id);
    }
}
