package org.hearth.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * A client in a family: someone who worries about the loved one and comes to the program. Contact
 * preferences matter here: a relative who uses may read the family's phone or mail.
 */
@Entity
@Table(name = "family_member")
public class FamilyMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Checked by every change; changed only with the family's record, whose own version the caller names. */
    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @Column(nullable = false)
    private int position;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    @Column(name = "age_years")
    private Integer ageYears;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Relationship relationship;

    private String phone;

    /** The phone's digits only, so "(555) 010-2030" and "555 010 2030" are found as the same number. */
    @Column(name = "phone_digits")
    private String phoneDigits;

    private String email;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    @Column(name = "safe_to_leave_message", nullable = false)
    private boolean safeToLeaveMessage;

    @Column(name = "safe_to_mail", nullable = false)
    private boolean safeToMail;

    @Column(nullable = false)
    private boolean participates = true;

    protected FamilyMember() {}

    FamilyMember(Family family, int position, NewFamilyMember details) {
        this.family = family;
        this.position = position;
        update(details);
    }

    void update(NewFamilyMember details) {
        this.fullName = details.fullName().trim();
        this.dateOfBirth = details.dateOfBirth();
        this.ageYears = details.ageYears();
        this.relationship = details.relationship();
        this.phone = blankToNull(details.phone());
        this.phoneDigits = PhoneNumbers.digitsOf(details.phone());
        this.email = blankToNull(details.email());
        this.preferredLanguage = blankToNull(details.preferredLanguage());
        this.safeToLeaveMessage = details.safeToLeaveMessage();
        this.safeToMail = details.safeToMail();
        this.participates = details.participates();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Long getId() {
        return id;
    }

    /** The family this member belongs to. */
    public Family getFamily() {
        return family;
    }

    public int getPosition() {
        return position;
    }

    public String getFullName() {
        return fullName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public Integer getAgeYears() {
        return ageYears;
    }

    public Relationship getRelationship() {
        return relationship;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public boolean isSafeToLeaveMessage() {
        return safeToLeaveMessage;
    }

    public boolean isSafeToMail() {
        return safeToMail;
    }

    public boolean isParticipates() {
        return participates;
    }

    public long getVersion() {
        return version;
    }
}
