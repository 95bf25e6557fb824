package org.hearth.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** When the clinic is open on one weekday, in the clinic's local time. A weekday without a row is closed. */
@Entity
@Table(name = "clinic_hours")
public class OpeningHours {

    @Id
    @Column(name = "day_of_week")
    private int dayOfWeek;

    @Column(name = "opens_at", nullable = false)
    private LocalTime opensAt;

    @Column(name = "closes_at", nullable = false)
    private LocalTime closesAt;

    protected OpeningHours() {}

    public OpeningHours(DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {
        this.dayOfWeek = day.getValue();
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    public DayOfWeek getDay() {
        return DayOfWeek.of(dayOfWeek);
    }

    public LocalTime getOpensAt() {
        return opensAt;
    }

    public LocalTime getClosesAt() {
        return closesAt;
    }
}
