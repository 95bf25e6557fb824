package org.hearth.web.view.families;

import java.io.Serializable;
import java.time.LocalDate;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.Relationship;

/** One member in the registration and editing forms ({@link FamilyForm}), as typed; the service validates it. */
public class MemberForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String fullName;
    private LocalDate dateOfBirth;
    private Integer ageYears;
    private Relationship relationship;
    private String phone;
    private String email;
    private String preferredLanguage;
    private boolean safeToLeaveMessage;
    private boolean safeToMail;
    private boolean participates = true;

    public MemberForm() {}

    static MemberForm of(NewFamilyMember member) {
        MemberForm row = new MemberForm();
        row.fullName = member.fullName();
        row.dateOfBirth = member.dateOfBirth();
        row.ageYears = member.ageYears();
        row.relationship = member.relationship();
        row.phone = member.phone();
        row.email = member.email();
        row.preferredLanguage = member.preferredLanguage();
        row.safeToLeaveMessage = member.safeToLeaveMessage();
        row.safeToMail = member.safeToMail();
        row.participates = member.participates();
        return row;
    }

    NewFamilyMember toMember() {
        return new NewFamilyMember(
                fullName,
                dateOfBirth,
                ageYears,
                relationship,
                phone,
                email,
                preferredLanguage,
                safeToLeaveMessage,
                safeToMail,
                participates);
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }

    public Integer getAgeYears() {
        return ageYears;
    }

    public void setAgeYears(Integer ageYears) {
        this.ageYears = ageYears;
    }

    public Relationship getRelationship() {
        return relationship;
    }

    public void setRelationship(Relationship relationship) {
        this.relationship = relationship;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public boolean isSafeToLeaveMessage() {
        return safeToLeaveMessage;
    }

    public void setSafeToLeaveMessage(boolean safeToLeaveMessage) {
        this.safeToLeaveMessage = safeToLeaveMessage;
    }

    public boolean isSafeToMail() {
        return safeToMail;
    }

    public void setSafeToMail(boolean safeToMail) {
        this.safeToMail = safeToMail;
    }

    public boolean isParticipates() {
        return participates;
    }

    public void setParticipates(boolean participates) {
        this.participates = participates;
    }
}
