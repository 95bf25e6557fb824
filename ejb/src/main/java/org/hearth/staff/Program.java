package org.hearth.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A family program of the clinic. Staff belong to programs; supervisors see their programs. A closed program
 * takes no new families, support groups or staff; what it already has stays as it is, readable and reported.
 */
@Entity
@NamedQuery(name = "Program.findByName", query = "select p from Program p where p.name = :name")
public class Program {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = 120)
    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Version
    private long version;

    protected Program() {}

    public Program(String name) {
        this.name = name;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** Gives the program another name; its families, staff and history stay with it. */
    void rename(String newName) {
        this.name = newName;
    }

    /** Closes the program to new families, groups and staff. */
    void close(String by, Instant at) {
        this.closedBy = by;
        this.closedAt = at;
    }

    /** Opens a closed program again. */
    void reopen() {
        this.closedBy = null;
        this.closedAt = null;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public long getVersion() {
        return version;
    }
}
