package org.hearth.schedule;

import jakarta.ejb.ApplicationException;

/** No support group, group session, enrollment or family member has this id: 404. */
@ApplicationException(rollback = true)
public class GroupRecordNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GroupRecordNotFoundException(String what, long id) {
        super("no " + what + " " + id);
    }
}
