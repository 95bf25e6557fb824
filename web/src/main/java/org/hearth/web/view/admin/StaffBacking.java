package org.hearth.web.view.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.staff.Deactivation;
import org.hearth.staff.ProgramRow;
import org.hearth.staff.StaffAdministration;
import org.hearth.staff.StaffRow;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * admin/staff.xhtml: who serves where. The staff list (paged and sorted by the database), one staff member's
 * programs, deactivating and reactivating staff, and the programs themselves: created, renamed, closed and
 * reopened. Every change names the version the page read, so a change made meanwhile by another administrator
 * is reported, not overwritten.
 */
@Named
@ViewScoped
public class StaffBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private StaffAdministration administration;

    private StaffDataModel staff;
    private List<ProgramRow> programs;
    private StaffRow editing;
    private List<Long> editingPrograms = new ArrayList<>();
    private String newProgramName;
    private ProgramRow renaming;
    private String renamedName;
    private boolean stale;

    public void load() {
        StaffAdministration service = administration;
        staff = new StaffDataModel(service::staff);
        programs = administration.programs();
    }

    /** Opens the programs of one staff member for changing. */
    public void editPrograms(StaffRow row) {
        editing = row;
        editingPrograms = new ArrayList<>(row.programIds());
    }

    public void savePrograms() {
        try {
            StaffRow saved = administration.setPrograms(editing.id(), editing.version(), editingPrograms);
            Confirmations.show("admin.staff.programs.saved", saved.displayName());
            editing = null;
            staff.changed();
            programs = administration.programs();
        } catch (RuntimeException e) {
            stale = Failures.isStale(e);
            Failures.show(e, "programs-form", Map.of());
        }
    }

    /**
     * After a conflict on the programs or the name being typed: the latest staff member or program in the form,
     * in place of what was chosen or typed (the administrator asked for it).
     */
    public void loadLatest() {
        if (editing != null) {
            editPrograms(administration.member(editing.id()));
        }
        programs = administration.programs();
        if (renaming != null) {
            long id = renaming.id();
            programs.stream().filter(p -> p.id() == id).findFirst().ifPresent(this::editName);
        }
        staff.changed();
        stale = false;
        Confirmations.show("conflict.latestLoaded");
    }

    /** The last change was refused because someone else changed the record meanwhile. */
    public boolean isStale() {
        return stale;
    }

    public void cancelPrograms() {
        editing = null;
        stale = false;
    }

    public void deactivate(StaffRow row) {
        try {
            Deactivation done = administration.deactivate(row.id(), row.version());
            Confirmations.show(
                    "admin.staff.deactivation.done",
                    row.displayName(),
                    done.emergencyAccessesEnded(),
                    done.calendarFeedsRevoked(),
                    done.coveringAssignmentsEnded());
            if (done.familiesStillPrimary() > 0) {
                Confirmations.show("admin.staff.stillPrimary", row.displayName(), done.familiesStillPrimary());
            }
            staff.changed();
        } catch (RuntimeException e) {
            Failures.show(e, "staff-form", Map.of());
            staff.changed(); // a one-click change has nothing typed to keep: the list shows the latest at once
        }
    }

    public void reactivate(StaffRow row) {
        try {
            administration.reactivate(row.id(), row.version());
            Confirmations.show("admin.staff.reactivated", row.displayName());
            staff.changed();
        } catch (RuntimeException e) {
            Failures.show(e, "staff-form", Map.of());
            staff.changed(); // a one-click change has nothing typed to keep: the list shows the latest at once
        }
    }

    public void createProgram() {
        try {
            ProgramRow created = administration.createProgram(newProgramName);
            Confirmations.show("admin.programs.created", created.name());
            newProgramName = null;
            programs = administration.programs();
        } catch (RuntimeException e) {
            Failures.show(e, "new-program-form", Map.of("name", "new-program-name"));
        }
    }

    /** Opens one program's name for changing. */
    public void editName(ProgramRow program) {
        renaming = program;
        renamedName = program.name();
    }

    public void saveName() {
        try {
            ProgramRow renamed = administration.changeProgram(renaming.id(), renaming.version(), renamedName, null);
            Confirmations.show("admin.programs.renamed", renaming.name(), renamed.name());
            renaming = null;
            programs = administration.programs();
            staff.changed();
        } catch (RuntimeException e) {
            stale = Failures.isStale(e);
            Failures.show(e, "rename-form", Map.of("name", "program-name"));
        }
    }

    public void cancelName() {
        renaming = null;
        stale = false;
    }

    public void setClosed(ProgramRow program, boolean closed) {
        try {
            administration.changeProgram(program.id(), program.version(), null, closed);
            Confirmations.show(closed ? "admin.programs.closed" : "admin.programs.reopened", program.name());
            programs = administration.programs();
        } catch (RuntimeException e) {
            Failures.show(e, "programs-list-form", Map.of());
            programs = administration.programs(); // nothing typed to keep: show the latest at once
        }
    }

    /** The programs a staff member can be given: the open ones, and the closed ones they already work in. */
    public List<ProgramRow> getProgramChoices() {
        return programs.stream()
                .filter(p ->
                        !p.closed() || (editing != null && editing.programIds().contains(p.id())))
                .toList();
    }

    public StaffDataModel getStaff() {
        return staff;
    }

    public List<ProgramRow> getPrograms() {
        return programs;
    }

    public StaffRow getEditing() {
        return editing;
    }

    public List<Long> getEditingPrograms() {
        return editingPrograms;
    }

    public void setEditingPrograms(List<Long> editingPrograms) {
        this.editingPrograms = editingPrograms == null ? new ArrayList<>() : new ArrayList<>(editingPrograms);
    }

    public String getNewProgramName() {
        return newProgramName;
    }

    public void setNewProgramName(String newProgramName) {
        this.newProgramName = newProgramName;
    }

    public ProgramRow getRenaming() {
        return renaming;
    }

    public String getRenamedName() {
        return renamedName;
    }

    public void setRenamedName(String renamedName) {
        this.renamedName = renamedName;
    }
}
