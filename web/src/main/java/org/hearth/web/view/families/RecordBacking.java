package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.hearth.engagement.EpisodeView;
import org.hearth.engagement.Episodes;
import org.hearth.family.EmergencyAccesses;
import org.hearth.family.FamilyRecord;
import org.hearth.family.FamilyRecords;
import org.hearth.family.FamilyStatus;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * families/record.xhtml?id=[&amp;tab=]: one family's record - the heading, the banners, the actions and the
 * Overview and Intake tabs, which read only the family itself. The other tabs have their own beans
 * ({@link RecordAssignmentsTab}, {@link RecordScheduleTab}, {@link RecordNotesTab}, {@link RecordConsentsTab})
 * that read their rows when the tab is first opened, so the page asks the database only for what it shows.
 * What it shows and offers follows the service's answer (the clinical part is absent for the front desk) and
 * the caller's roles; the services refuse anything outside them anyway.
 */
@Named
@ViewScoped
public class RecordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The tabs in the page's order, by the name the address gives them; the clinical ones only for clinicians. */
    private static final List<String> TABS =
            List.of("overview", "intake", "assignments", "schedule", "plan", "notes", "engagement", "consents");

    private static final List<String> CLINICAL_TABS = List.of("intake", "plan", "notes", "engagement", "consents");

    @EJB
    private FamilyRecords records;

    @EJB
    private Episodes episodeService;

    @EJB
    private EmergencyAccesses emergencyAccesses;

    @Inject
    private CurrentStaff currentStaff;

    private Long id;
    private String tab;
    private int activeIndex;
    private FamilyRecord family;
    private boolean emergency;
    private List<EpisodeView> episodes = List.of();

    private FamilyForm form;
    private long editedVersion;
    private boolean stale;
    private String closureReason;

    /** Loads the family on opening the page; 403 when the caller may not, or it does not exist (the same answer). */
    public void load() {
        if (id == null) {
            Failures.answerLoad(new NotFound("family", 0));
            return;
        }
        try {
            family = records.open(id);
            if (isClinical()) {
                // the high-risk banner is on every tab, and the Engagement tab lists the same episodes
                episodes = episodeService.ofFamily(id);
            }
            emergency = currentStaff.hasRole("counselor")
                    && emergencyAccesses.mineOpen().stream().anyMatch(a -> a.familyId() == id);
            activeIndex = tab == null ? 0 : Math.max(0, shownTabs().indexOf(tab));
        } catch (RuntimeException e) {
            Throwable cause = Failures.causeOf(e);
            if ((cause instanceof Refused || cause instanceof NotFound) && currentStaff.hasRole("counselor")) {
                // not on the caseload: in an emergency the counselor may open it by saying why (an id of no family
                // is asked the same, so the page does not tell whether the family exists)
                redirectTo("/families/emergency.xhtml?id=" + id);
                return;
            }
            Failures.answerLoad(e);
        }
    }

    /** The tabs this reader sees, in order: the tab view counts only these. */
    private List<String> shownTabs() {
        return isClinical()
                ? TABS
                : TABS.stream().filter(t -> !CLINICAL_TABS.contains(t)).toList();
    }

    private static void redirectTo(String path) {
        var external = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    /** Reads the family again after a change made from a tab (a counselor assigned). */
    void reload() {
        family = records.open(id);
    }

    /** The counselor reads this family through an emergency access (read only). */
    public boolean isEmergency() {
        return emergency;
    }

    /** Opens the details for editing, on the Overview tab (where they are shown) whichever tab was open. */
    public void edit() {
        form = FamilyForm.of(family);
        editedVersion = family.version();
        activeIndex = 0;
    }

    /** Saves the edited details; on a conflict the user's input stays on the page. */
    public void save() {
        try {
            family = records.update(id, form.toUpdate(editedVersion));
            form = null;
            stale = false;
            Confirmations.show("families.record.saved");
        } catch (RuntimeException e) {
            stale = Failures.isStale(e);
            Failures.show(e, "tabs:details-form", FamilyForm.FIELDS);
        }
    }

    /** After a conflict: the latest record, in the form, in place of what was typed (the person chose to drop it). */
    public void loadLatest() {
        family = records.open(id);
        form = FamilyForm.of(family);
        editedVersion = family.version();
        stale = false;
        Confirmations.show("conflict.latestLoaded");
    }

    /** The last save was refused because someone else changed the family meanwhile. */
    public boolean isStale() {
        return stale;
    }

    public void cancelEdit() {
        form = null;
        stale = false;
    }

    /** Loads the current version while keeping the user's typing, so they can save over it knowingly. */
    public void reloadKeepingInput() {
        family = records.open(id);
        editedVersion = family.version();
        stale = false;
        Confirmations.show("families.record.reloaded");
    }

    public void detailsChanged() {
        // editing looks for no duplicates: the family exists already
    }

    public void close() {
        try {
            family = records.close(id, closureReason, family.version());
            closureReason = null;
            Confirmations.show("families.record.closed");
        } catch (RuntimeException e) {
            Failures.show(e, "close-form", Map.of("body", "reason"));
        }
    }

    public void reopen() {
        try {
            family = records.reopen(id, family.version());
            Confirmations.show("families.record.reopened");
        } catch (RuntimeException e) {
            Failures.show(e, "record-actions", Map.of());
        }
    }

    public boolean isClinical() {
        return family != null && family.clinical() != null;
    }

    public boolean isClosed() {
        return family != null && family.status() == FamilyStatus.CLOSED;
    }

    public boolean mayAssign() {
        return currentStaff.hasRole("supervisor")
                && family != null
                && currentStaff.getPrograms().contains(family.program());
    }

    public boolean mayClose() {
        return isClinical() && !isClosed();
    }

    public boolean mayReopen() {
        return isClosed() && mayAssign();
    }

    public boolean mayRecordIntake() {
        return isClinical() && currentStaff.hasRole("counselor") && !isClosed();
    }

    /** Booking is for the front desk, and for a counselor with the family on their caseload. */
    public boolean mayBook() {
        return !isClosed()
                && (currentStaff.hasRole("front-desk") || (isClinical() && currentStaff.hasRole("counselor")));
    }

    public boolean mayEnroll() {
        return !isClosed() && (currentStaff.hasRole("front-desk") || currentStaff.hasRole("counselor"));
    }

    /** The loved ones' episodes (counselors and supervisors only). */
    public List<EpisodeView> getEpisodes() {
        return episodes;
    }

    /** A loved one is at high overdose risk, not yet addressed: the banner on the record. */
    public boolean isHighRisk() {
        return episodes.stream().anyMatch(e -> e.highRisk() != null);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** The tab the address asks for ({@code overview}, {@code schedule}, {@code notes}...); the first when none. */
    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    /** The tab shown, among those this reader sees. */
    public int getActiveIndex() {
        return activeIndex;
    }

    public void setActiveIndex(int activeIndex) {
        this.activeIndex = activeIndex;
    }

    public FamilyRecord getFamily() {
        return family;
    }

    public boolean isEditing() {
        return form != null;
    }

    /** The details being edited, or null when not editing. */
    public FamilyForm getForm() {
        return form;
    }

    public String getClosureReason() {
        return closureReason;
    }

    public void setClosureReason(String closureReason) {
        this.closureReason = closureReason;
    }
}
