package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.resources.CommunityResources;
import org.hearth.resources.GiftView;
import org.hearth.resources.GivenHow;
import org.hearth.resources.NewGift;
import org.hearth.resources.ResourceGifts;
import org.hearth.resources.ResourceQuery;
import org.hearth.resources.ResourceRules;
import org.hearth.resources.ResourceView;
import org.hearth.time.ClinicClock;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Downloads;
import org.hearth.web.view.Failures;

/**
 * The family plan's part "Resources given" (issue 25): what the family was given from the community-resource
 * directory, newest first; for a counselor of the family, "Give to the family" (resources, to which members, the day,
 * how) and the neutral sheet of the chosen resources printed in English or Spanish (the family's language first).
 */
@Named("recordResources")
@ViewScoped
public class RecordResourcesTab implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most entries the picker offers: the directory of a clinic holds a few dozen. */
    private static final int PICKER_SIZE = ResourceQuery.LONGEST_PAGE;

    @EJB
    private ResourceGifts gifts;

    @EJB
    private CommunityResources directory;

    @Inject
    private RecordBacking record;

    @Inject
    private CurrentStaff currentStaff;

    private List<GiftView> given;
    private List<ResourceView> choices;
    private List<Long> resourceIds = new ArrayList<>();
    private List<Long> memberIds = new ArrayList<>();
    private LocalDate givenOn;
    private GivenHow how = GivenHow.IN_SESSION;
    private String language;

    /** What the family was given, newest first; read once for the page. */
    public List<GiftView> getGiven() {
        if (given == null) {
            given = record.isClinical() ? gifts.given(record.getId()) : List.of();
        }
        return given;
    }

    /** A counselor of the family may give (the service decides anyway): the clinical write rule. */
    public boolean isMayGive() {
        return record.mayRecordIntake();
    }

    /** The directory's entries in use, by name, for the picker; read when the form is first shown. */
    public List<ResourceView> getChoices() {
        if (choices == null) {
            choices = directory
                    .search(new ResourceQuery(null, null, null, false, true, 0, PICKER_SIZE))
                    .rows();
        }
        return choices;
    }

    public void give() {
        try {
            List<GiftView> made = gifts.give(record.getId(), new NewGift(resourceIds, memberIds, givenOn, how));
            given = null;
            Confirmations.show("familyPlan.resources.given", made.size());
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:give-form", Map.of());
        }
    }

    /** The neutral sheet of the chosen resources, as a PDF download. */
    public void printSheet() {
        try {
            byte[] pdf = gifts.sheet(record.getId(), resourceIds, getLanguage());
            Downloads.send("application/pdf", "contacts.pdf", out -> out.write(pdf));
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:give-form", Map.of("ids", "resourceIds", "lang", "language"));
        }
    }

    public List<String> getSheetLanguages() {
        return ResourceRules.SHEET_LANGUAGES;
    }

    public GivenHow[] getHows() {
        return GivenHow.values();
    }

    public List<Long> getResourceIds() {
        return resourceIds;
    }

    public void setResourceIds(List<Long> resourceIds) {
        this.resourceIds = resourceIds == null ? new ArrayList<>() : new ArrayList<>(resourceIds);
    }

    public List<Long> getMemberIds() {
        return memberIds;
    }

    public void setMemberIds(List<Long> memberIds) {
        this.memberIds = memberIds == null ? new ArrayList<>() : new ArrayList<>(memberIds);
    }

    public LocalDate getGivenOn() {
        if (givenOn == null) {
            givenOn = ClinicClock.current().today();
        }
        return givenOn;
    }

    public void setGivenOn(LocalDate givenOn) {
        this.givenOn = givenOn;
    }

    public LocalDate getToday() {
        return ClinicClock.current().today();
    }

    public GivenHow getHow() {
        return how;
    }

    public void setHow(GivenHow how) {
        this.how = how;
    }

    /** The sheet's language: chosen, else the family's when it is English or Spanish, else English. */
    public String getLanguage() {
        if (language == null) {
            String preferred =
                    record.getFamily() == null ? null : record.getFamily().preferredLanguage();
            language = preferred != null && ResourceRules.SHEET_LANGUAGES.contains(preferred) ? preferred : "en";
        }
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
