package org.hearth.audit;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What an audit review asks for; every part optional: one user (username, exact), one family (its id), one
 * action, a range of days in the clinic's time zone (both days included).
 */
public record AuditQuery(String username, Long familyId, AuditAction action, LocalDate from, LocalDate to)
        implements Serializable {

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null);
    }

    /** The filter as the export's audit entry names it. */
    String describe() {
        return "user=" + (username == null ? "*" : username) + " family=" + (familyId == null ? "*" : familyId)
                + " action=" + (action == null ? "*" : action) + " from=" + (from == null ? "*" : from) + " to="
                + (to == null ? "*" : to);
    }
}
