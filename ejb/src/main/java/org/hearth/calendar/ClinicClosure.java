package org.hearth.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A day the whole clinic is closed (a holiday, a training day). */
@Entity
@Table(name = "clinic_closure")
public class ClinicClosure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "closed_on", nullable = false, unique = true)
    private LocalDate closedOn;

    @Column(nullable = false)
    private String reason;

    @Version
    private long version;

    protected ClinicClosure() {}

    public ClinicClosure(LocalDate closedOn, String reason) {
        this.closedOn = closedOn;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getReason() {
        return reason;
    }

    public long getVersion() {
        return version;
    }
}
