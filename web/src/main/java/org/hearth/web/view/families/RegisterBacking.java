package org.hearth.web.view.families;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.FamilyRegistry.ProgramChoice;
import org.hearth.family.NewFamily;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * families/register.xhtml: the front desk takes down a family that called. "Register" first looks for
 * likely duplicates; when there are some, the user opens the existing family or registers anyway.
 */
@Named
@ViewScoped
public class RegisterBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of("birthOrAgeGiven", "dateOfBirth");

    @EJB
    private FamilyRegistry registry;

    private List<ProgramChoice> programs;
    private String familyName;
    private Long programId;
    private String preferredLanguage = "en";
    private ReferralSource referralSource;
    private String referralNote;
    private final List<MemberRow> members = new ArrayList<>(List.of(new MemberRow()));
    private List<FamilyContact> duplicates = List.of();
    private boolean duplicatesChecked;

    @PostConstruct
    void load() {
        programs = registry.programsForRegistration();
        if (programs.size() == 1) {
            programId = programs.get(0).id();
        }
    }

    public void addMember() {
        members.add(new MemberRow());
    }

    public void removeMember(int index) {
        if (members.size() > 1) {
            members.remove(index);
        }
    }

    /** Checks for likely duplicates first; registers straight away when there are none. */
    public String register() {
        NewFamily family = newFamily();
        if (!duplicatesChecked) {
            try {
                duplicates = registry.likelyDuplicates(family);
            } catch (RuntimeException e) {
                Failures.show(e, "register-form", FIELDS);
                return null;
            }
            duplicatesChecked = true;
            if (!duplicates.isEmpty()) {
                return null;
            }
        }
        return registerAnyway();
    }

    /** Registers although likely duplicates were shown: the user judged this is another family. */
    public String registerAnyway() {
        try {
            FamilyContact registered = registry.register(newFamily());
            Confirmations.showAfterRedirect("families.register.done", registered.familyName(), registered.caseNumber());
            return "/families/record.xhtml?faces-redirect=true&id=" + registered.id();
        } catch (RuntimeException e) {
            Failures.show(e, "register-form", FIELDS);
            return null;
        }
    }

    /** A change to the members' names, births or phones asks for a new duplicate check. */
    public void detailsChanged() {
        duplicatesChecked = false;
        duplicates = List.of();
    }

    private NewFamily newFamily() {
        return new NewFamily(
                familyName,
                programId,
                preferredLanguage,
                referralSource,
                referralNote,
                members.stream().map(MemberRow::toMember).toList());
    }

    public List<ProgramChoice> getPrograms() {
        return programs;
    }

    public ReferralSource[] getReferralSources() {
        return ReferralSource.values();
    }

    public Relationship[] getRelationships() {
        return Relationship.values();
    }

    public List<MemberRow> getMembers() {
        return members;
    }

    public List<FamilyContact> getDuplicates() {
        return duplicates;
    }

    public boolean isDuplicatesShown() {
        return duplicatesChecked && !duplicates.isEmpty();
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
