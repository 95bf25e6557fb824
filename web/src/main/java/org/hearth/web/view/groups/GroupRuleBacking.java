package org.hearth.web.view.groups;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.hearth.groups.GroupDefinitions;
import org.hearth.groups.GroupRecurrence;
import org.hearth.groups.GroupSeries;
import org.hearth.groups.GroupSessionStatus;
import org.hearth.groups.GroupSessionView;
import org.hearth.groups.SkippedOccurrence;
import org.hearth.groups.SupportGroupView;
import org.hearth.groups.SupportGroups;
import org.hearth.time.ClinicClock;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;
import org.hearth.web.view.schedule.QuarterHours;

/**
 * groups/rule.xhtml?id=: change when a group meets, from a date on. The form starts from the group's rule
 * and its next meeting; meetings before that date, and any changed one by one, stay as they are.
 */
@Named
@ViewScoped
public class GroupRuleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SupportGroups groups;

    @EJB
    private GroupDefinitions groupDefinitions;

    private Long id;
    private SupportGroupView group;
    private GroupMeetingsForm meetings;
    /** The group as someone else saved it meanwhile, after a stale change; null otherwise. */
    private SupportGroupView latest;

    public void load() {
        try {
            group = groups.read(id);
        } catch (RuntimeException e) {
            Failures.answerLoad(e);
            return;
        }
        LocalDate today = ClinicClock.current().today();
        LocalDate next = group.sessions().stream()
                .filter(s ->
                        s.status() == GroupSessionStatus.SCHEDULED && s.date().isAfter(today))
                .map(GroupSessionView::date)
                .findFirst()
                .orElse(today.plusDays(1));
        meetings = GroupMeetingsForm.from(GroupRecurrence.parse(group.recurrence()), next);
    }

    public String change() {
        try {
            GroupSeries series = groupDefinitions.changeRule(id, meetings.toRecurrence(), group.version());
            Confirmations.showAfterRedirect(
                    "groups.rule.done",
                    meetings.getFirstDate().toString(),
                    Integer.toString(series.sessionsCreated()),
                    Integer.toString(series.sessionsRemoved()),
                    Integer.toString(series.skipped().size()));
            ResourceBundle validation = Failures.validationMessages(FacesContext.getCurrentInstance());
            for (SkippedOccurrence skipped : series.skipped()) {
                Confirmations.showAfterRedirect(
                        "groups.define.skipped",
                        skipped.date().toString(),
                        skipped.reasons().stream().map(r -> r.text(validation)).collect(Collectors.joining(" ")));
            }
            return "/groups/group.xhtml?faces-redirect=true&id=" + id;
        } catch (RuntimeException e) {
            Failures.show(e, "rule-form", Map.of());
            latest = Failures.isStale(e) ? groups.read(id) : null;
            return null;
        }
    }

    /**
     * "Load the latest" after a stale change: the group as it is now (its rule and version) is read again; the
     * meetings being entered stay, to save over it knowingly.
     */
    public void loadLatest() {
        group = groups.read(id);
        latest = null;
        Confirmations.show("groups.rule.reloaded");
    }

    /** The group as saved meanwhile by someone else, after a stale change; null otherwise. */
    public SupportGroupView getLatest() {
        return latest;
    }

    public List<String> getTimes() {
        return QuarterHours.all();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public SupportGroupView getGroup() {
        return group;
    }

    public GroupMeetingsForm getMeetings() {
        return meetings;
    }
}
