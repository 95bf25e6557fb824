package org.hearth.calendar;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The clinic's week of opening hours as one record: an administrator edits the seven days on one form and saves
 * them at once, so the week, not each day, carries the version a save checks. One row; its lock also queues two
 * administrators changing the calendar at once. The hours themselves are the {@link OpeningHours} rows.
 */
@Entity
@Table(name = "clinic_week")
public class ClinicWeek {

    /** The only row's id. */
    static final short ID = 1;

    @Id
    private short id;

    @Version
    private long version;

    protected ClinicWeek() {}

    public long getVersion() {
        return version;
    }
}
