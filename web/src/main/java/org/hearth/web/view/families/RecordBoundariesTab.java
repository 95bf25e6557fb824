package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hearth.boundaries.Boundaries;
import org.hearth.boundaries.BoundaryDraft;
import org.hearth.boundaries.BoundaryKind;
import org.hearth.boundaries.BoundaryRules;
import org.hearth.boundaries.BoundaryView;
import org.hearth.boundaries.Retirement;
import org.hearth.time.ClinicClock;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;

/**
 * The family plan's boundaries (issue 25): the family's boundaries with their history; a counselor of the family
 * adds, edits and retires them in a dialog, a supervisor reads them.
 */
@Named("recordBoundaries")
@ViewScoped
public class RecordBoundariesTab implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Boundaries boundaries;

    @Inject
    private RecordBacking record;

    @Inject
    private ClinicClock clock;

    private List<BoundaryView> list;
    private Boolean mayChange;

    private Long editingId;
    private Long editingVersion;
    private BoundaryKind kind;
    private String wording;
    private String consequence;
    private Long[] holderIds = {};
    private LocalDate agreedOn;
    private LocalDate reviewOn;

    private Long retiringId;
    private Long retiringVersion;
    private String retiringWording;
    private LocalDate retiredOn;
    private String retireReason;

    /** The family's boundaries, active first, read once per view (and again after a change). */
    public List<BoundaryView> getBoundaries() {
        if (list == null) {
            list = record.isClinical() ? boundaries.ofFamily(record.getId()) : List.of();
        }
        return list;
    }

    /** A counselor with the family on their caseload; supervisors and an emergency access only read. */
    public boolean isMayChange() {
        if (mayChange == null) {
            mayChange = record.isClinical() && !record.isClosed() && boundaries.mayChange(record.getId());
        }
        return mayChange;
    }

    public List<BoundaryKind> getKinds() {
        return Arrays.asList(BoundaryKind.values());
    }

    /** Opens the dialog on a new boundary agreed today, held by nobody yet, reviewed in four weeks. */
    public void startNew() {
        editingId = null;
        editingVersion = null;
        kind = null;
        wording = null;
        consequence = null;
        holderIds = new Long[0];
        agreedOn = clock.today();
        reviewOn = null;
    }

    /** Opens the dialog on a boundary as read. */
    public void startEdit(BoundaryView boundary) {
        editingId = boundary.id();
        editingVersion = boundary.version();
        kind = boundary.kind();
        wording = boundary.wording();
        consequence = boundary.consequence();
        holderIds =
                boundary.holders().stream().map(BoundaryView.Holder::memberId).toArray(Long[]::new);
        agreedOn = boundary.agreedOn();
        reviewOn = boundary.reviewOn();
    }

    /** Saves the dialog: a new boundary, or the change of the one opened (with its version as read). */
    public void save() {
        BoundaryDraft draft =
                new BoundaryDraft(kind, wording, consequence, Arrays.asList(holderIds), agreedOn, reviewOn);
        try {
            if (editingId == null) {
                boundaries.add(record.getId(), draft);
                Confirmations.show("boundaries.added");
            } else {
                boundaries.change(record.getId(), editingId, draft, editingVersion);
                Confirmations.show("boundaries.changed");
            }
            list = null;
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:boundary-form", Map.of());
        }
    }

    /** Opens the retire dialog on a boundary as read, retired today unless the counselor says otherwise. */
    public void startRetire(BoundaryView boundary) {
        retiringId = boundary.id();
        retiringVersion = boundary.version();
        retiringWording = boundary.wording();
        retiredOn = clock.today();
        retireReason = null;
    }

    public void retire() {
        try {
            boundaries.retire(record.getId(), retiringId, new Retirement(retiredOn, retireReason), retiringVersion);
            Confirmations.show("boundaries.retired");
            list = null;
        } catch (RuntimeException e) {
            Failures.show(e, "tabs:boundary-retire-form", Map.of());
        }
    }

    /** "Kept 3 times, broken once": how a boundary has stood, for the list. */
    public int reviewCount(BoundaryView boundary) {
        return boundary.reviews().size();
    }

    public int getReviewAfterDays() {
        return BoundaryRules.REVIEW_AFTER_DAYS;
    }

    public Long getEditingId() {
        return editingId;
    }

    public BoundaryKind getKind() {
        return kind;
    }

    public void setKind(BoundaryKind kind) {
        this.kind = kind;
    }

    public String getWording() {
        return wording;
    }

    public void setWording(String wording) {
        this.wording = wording;
    }

    public String getConsequence() {
        return consequence;
    }

    public void setConsequence(String consequence) {
        this.consequence = consequence;
    }

    public Long[] getHolderIds() {
        return holderIds;
    }

    public void setHolderIds(Long[] holderIds) {
        this.holderIds = holderIds == null ? new Long[0] : holderIds;
    }

    public LocalDate getAgreedOn() {
        return agreedOn;
    }

    public void setAgreedOn(LocalDate agreedOn) {
        this.agreedOn = agreedOn;
    }

    public LocalDate getReviewOn() {
        return reviewOn;
    }

    public void setReviewOn(LocalDate reviewOn) {
        this.reviewOn = reviewOn;
    }

    public String getRetiringWording() {
        return retiringWording;
    }

    public LocalDate getRetiredOn() {
        return retiredOn;
    }

    public void setRetiredOn(LocalDate retiredOn) {
        this.retiredOn = retiredOn;
    }

    public String getRetireReason() {
        return retireReason;
    }

    public void setRetireReason(String retireReason) {
        this.retireReason = retireReason;
    }
}
