package org.hearth.web.view.families;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.family.FamilyRecord;
import org.hearth.family.FamilyUpdate;
import org.hearth.family.NewFamily;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;

/**
 * A family's details as the registration and editing forms hold them while the user types: the family's
 * fields and its members ({@link MemberForm}), turned into what the service takes. The service validates;
 * {@link #FIELDS} names the inputs its field errors belong to where their names differ.
 */
public class FamilyForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The service's field names that are not the form's input ids, for {@code Failures.show}. */
    public static final Map<String, String> FIELDS = Map.of("birthOrAgeGiven", "dateOfBirth");

    private String familyName;
    private Long programId;
    private String preferredLanguage = "en";
    private ReferralSource referralSource;
    private String referralNote;
    private List<MemberForm> members = new ArrayList<>(List.of(new MemberForm()));

    /** An empty form with one member row, for a family that called. */
    public FamilyForm() {}

    /** The form filled with the family's details as they stand, to edit them. */
    static FamilyForm of(FamilyRecord family) {
        FamilyForm form = new FamilyForm();
        form.familyName = family.familyName();
        form.programId = family.programId();
        form.preferredLanguage = family.preferredLanguage();
        form.referralSource = family.referralSource();
        form.referralNote = family.referralNote();
        form.members = new ArrayList<>(
                family.membersAsEntered().stream().map(MemberForm::of).toList());
        return form;
    }

    /** What the registry registers. */
    NewFamily toNewFamily() {
        return new NewFamily(familyName, programId, preferredLanguage, referralSource, referralNote, memberList());
    }

    /** What the records save over the version the user started from. */
    FamilyUpdate toUpdate(long version) {
        return new FamilyUpdate(familyName, preferredLanguage, referralSource, referralNote, memberList(), version);
    }

    private List<org.hearth.family.NewFamilyMember> memberList() {
        return members.stream().map(MemberForm::toMember).toList();
    }

    public void addMember() {
        members.add(new MemberForm());
    }

    /** Removes a member row; the last one stays (a family has at least one member). */
    public void removeMember(int index) {
        if (members.size() > 1) {
            members.remove(index);
        }
    }

    public ReferralSource[] getReferralSources() {
        return ReferralSource.values();
    }

    public Relationship[] getRelationships() {
        return Relationship.values();
    }

    public List<MemberForm> getMembers() {
        return members;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public Long getProgramId() {
        return programId;
    }

    public void setProgramId(Long programId) {
        this.programId = programId;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public ReferralSource getReferralSource() {
        return referralSource;
    }

    public void setReferralSource(ReferralSource referralSource) {
        this.referralSource = referralSource;
    }

    public String getReferralNote() {
        return referralNote;
    }

    public void setReferralNote(String referralNote) {
        this.referralNote = referralNote;
    }
}
