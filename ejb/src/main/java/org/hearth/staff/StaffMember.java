package org.hearth.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A person who works in Hearth, linked to their Keycloak user by the token's stable subject (and,
 * until the first sign-in, by username, so an administrator can prepare program membership ahead).
 * The roles are a snapshot of what the identity provider said at the last sign-in. An administrator may
 * deactivate a staff member: Hearth then refuses them, whatever the identity provider still accepts.
 */
@Entity
@Table(name = "staff_member")
@NamedQuery(name = "StaffMember.findByUsername", query = "select s from StaffMember s where s.username = :username")
@NamedQuery(
        name = "StaffMember.findBySubjectOrUsername",
        query = "select distinct s from StaffMember s left join fetch s.programs"
                + " where s.subject = :subject or (s.subject is null and s.username = :username)")
public class StaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(unique = true)
    private String subject;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(nullable = false)
    private String roles = "";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "deactivated_by")
    private String deactivatedBy;

    @ManyToMany
    @JoinTable(
            name = "staff_program",
            joinColumns = @JoinColumn(name = "staff_member_id"),
            inverseJoinColumns = @JoinColumn(name = "program_id"))
    private Set<Program> programs = new HashSet<>();

    @Version
    private long version;

    protected StaffMember() {}

    public StaffMember(String username, String displayName) {
        this.username = username;
        this.displayName = displayName;
        this.createdAt = Instant.now();
    }

    /** Records a sign-in: links the subject and refreshes name, email and roles from the token. */
    void signedIn(SignedInIdentity identity, Collection<String> currentRoles, Instant when) {
        this.subject = identity.subject();
        this.username = identity.username();
        if (identity.displayName() != null && !identity.displayName().isBlank()) {
            this.displayName = identity.displayName();
        }
        if (identity.email() != null && !identity.email().isBlank()) {
            this.email = identity.email();
        }
        this.roles = String.join(",", currentRoles.stream().sorted().toList());
        this.lastSignInAt = when;
    }

    public void joinProgram(Program program) {
        programs.add(program);
    }

    /** Leaves the program: the staff member no longer works with its families. */
    void leaveProgram(Program program) {
        programs.removeIf(p -> p.getId().equals(program.getId()));
    }

    /** Hearth refuses the staff member from now on, by the administrator's decision. */
    void deactivate(String by, Instant at) {
        this.deactivatedBy = by;
        this.deactivatedAt = at;
    }

    /** Hearth lets the staff member in again. */
    void reactivate() {
        this.deactivatedBy = null;
        this.deactivatedAt = null;
    }

    public boolean isActive() {
        return deactivatedAt == null;
    }

    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    public String getDeactivatedBy() {
        return deactivatedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    /** The programs the staff member works in. */
    Set<Program> programs() {
        return programs;
    }

    public Long getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public List<String> getRoles() {
        return roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","));
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    /** Whether the staff member works in the program. */
    public boolean belongsTo(Program program) {
        return programs.stream().anyMatch(p -> p.getId().equals(program.getId()));
    }

    /** The ids of the programs the staff member works in. */
    public List<Long> getProgramIds() {
        return programs.stream().map(Program::getId).toList();
    }

    public List<String> getProgramNames() {
        return programs.stream()
                .map(Program::getName)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    StaffProfile toProfile() {
        List<Program> byName =
                programs.stream().sorted(Comparator.comparing(Program::getName)).toList();
        return new StaffProfile(
                id,
                username,
                displayName,
                email,
                getRoles(),
                byName.stream().map(Program::getName).toList(),
                byName.stream().map(Program::getId).toList());
    }
}
