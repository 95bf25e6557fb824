package org.hearth.web.view.families;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.FamilyRegistry.ProgramChoice;
import org.hearth.family.NewFamily;
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

    @EJB
    private FamilyRegistry registry;

    private List<ProgramChoice> programs;
    private final FamilyForm form = new FamilyForm();
    private List<FamilyContact> duplicates = List.of();
    private boolean duplicatesChecked;

    @PostConstruct
    void load() {
        programs = registry.programsForRegistration();
        if (programs.size() == 1) {
            form.setProgramId(programs.get(0).id());
        }
    }

    /** Checks for likely duplicates first; registers straight away when there are none. */
    public String register() {
        NewFamily family = form.toNewFamily();
        if (!duplicatesChecked) {
            try {
                duplicates = registry.likelyDuplicates(family);
            } catch (RuntimeException e) {
                Failures.show(e, "register-form", FamilyForm.FIELDS);
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
            FamilyContact registered = registry.register(form.toNewFamily());
            Confirmations.showAfterRedirect("families.register.done", registered.familyName(), registered.caseNumber());
            return "/families/record.xhtml?faces-redirect=true&id=" + registered.id();
        } catch (RuntimeException e) {
            Failures.show(e, "register-form", FamilyForm.FIELDS);
            return null;
        }
    }

    /** A change to the members' names, births or phones asks for a new duplicate check. */
    public void detailsChanged() {
        duplicatesChecked = false;
        duplicates = List.of();
    }

    /** The family as typed. */
    public FamilyForm getForm() {
        return form;
    }

    public List<ProgramChoice> getPrograms() {
        return programs;
    }

    public List<FamilyContact> getDuplicates() {
        return duplicates;
    }

    public boolean isDuplicatesShown() {
        return duplicatesChecked && !duplicates.isEmpty();
    }
}
