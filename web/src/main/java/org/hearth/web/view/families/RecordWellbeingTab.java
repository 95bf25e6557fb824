package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.IntStream;
import org.hearth.family.FamilyRecord;
import org.hearth.security.Invalid;
import org.hearth.time.ClinicClock;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Failures;
import org.hearth.wellbeing.DueMeasure;
import org.hearth.wellbeing.Instrument;
import org.hearth.wellbeing.MeasureView;
import org.hearth.wellbeing.Measures;
import org.hearth.wellbeing.NewMeasure;
import org.hearth.wellbeing.RecordedMeasure;
import org.hearth.wellbeing.Scoring;
import org.hearth.wellbeing.TakenBy;

/**
 * The family plan's wellbeing part (family record, tab "Family plan"): who is due a PHQ-9 or GAD-7, each member's
 * trend (chart and table), entering a measure with the member, and handing the clinic's tablet to a member. The
 * family's counselors enter; supervisors and emergency readers only read.
 */
@Named("recordWellbeing")
@ViewScoped
public class RecordWellbeingTab implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Measures measures;

    @Inject
    private RecordBacking record;

    @Inject
    private ClinicClock clock;

    private List<MeasureView> all;
    private List<DueMeasure> due;
    private List<MemberTrend> trends;

    private boolean entering;
    private Long memberId;
    private Instrument instrument = Instrument.PHQ9;
    private LocalDate takenOn;
    private Integer[] answers = new Integer[Instrument.PHQ9.items()];
    private Integer difficulty;
    private final Set<Integer> missing = new HashSet<>();
    private RecordedMeasure justSaved;

    /** One member's measures and their chart. */
    public record MemberTrend(long memberId, String name, String chart, List<MeasureView> rows)
            implements Serializable {}

    /** A counselor of the family, not reading through an emergency access, while the family is open. */
    public boolean isMayEnter() {
        return record.mayRecordIntake() && !record.isEmergency();
    }

    public List<MeasureView> getMeasures() {
        if (all == null) {
            all = record.isClinical() ? measures.forFamily(record.getId()) : List.of();
        }
        return all;
    }

    /** Each participating member's next PHQ-9 and GAD-7. */
    public List<DueMeasure> getDue() {
        if (due == null) {
            due = record.isClinical() ? measures.due(record.getId()) : List.of();
        }
        return due;
    }

    /** Whether anyone is due now (today or before). */
    public boolean isAnyoneDue() {
        return getDue().stream().anyMatch(DueMeasure::due);
    }

    /** The participating members, once each, as the due list names them (for the tablet buttons). */
    public List<DueMeasure> getMembers() {
        Map<Long, DueMeasure> byMember = new LinkedHashMap<>();
        getDue().forEach(d -> byMember.putIfAbsent(d.memberId(), d));
        return List.copyOf(byMember.values());
    }

    /** Per member measured, newest row first in the table, the chart in the page's language. */
    public List<MemberTrend> getTrends() {
        if (trends == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            ResourceBundle i18n = faces.getApplication().getResourceBundle(faces, "i18n");
            Map<Long, List<MeasureView>> byMember = new LinkedHashMap<>();
            getMeasures().forEach(m -> byMember.computeIfAbsent(m.memberId(), k -> new ArrayList<>())
                    .add(m));
            trends = new ArrayList<>();
            byMember.forEach((member, rows) -> {
                List<MeasureView> newestFirst = new ArrayList<>(rows);
                java.util.Collections.reverse(newestFirst);
                trends.add(new MemberTrend(
                        member, rows.get(0).memberName(), WellbeingChart.of(rows, i18n), List.copyOf(newestFirst)));
            });
        }
        return trends;
    }

    /** Opens the form to enter a measure with a member (the member preselected when given). */
    public void startEntering(Long member) {
        entering = true;
        memberId = member;
        instrument = Instrument.PHQ9;
        takenOn = null;
        clearAnswers();
        justSaved = null;
    }

    public void cancelEntering() {
        entering = false;
        missing.clear();
    }

    /** The questionnaire changed: its questions, no answers yet. */
    public void instrumentChanged() {
        clearAnswers();
    }

    private void clearAnswers() {
        answers = new Integer[(instrument == null ? Instrument.PHQ9 : instrument).items()];
        difficulty = null;
        missing.clear();
    }

    /**
     * Saves the measure; a missing answer is marked at its question and nothing is saved. When item 9 raised the
     * flag, the page says what to do now.
     */
    public void save() {
        missing.clear();
        if (instrument != null) {
            for (Invalid.Reason reason : Scoring.problems(instrument, Arrays.asList(answers), difficulty)) {
                if (reason.field() != null && reason.field().startsWith("answers[")) {
                    missing.add(Integer.parseInt(reason.field().replaceAll("\\D", "")));
                }
            }
        }
        try {
            justSaved = measures.record(
                    record.getId(),
                    new NewMeasure(
                            memberId,
                            instrument,
                            takenOn,
                            Arrays.asList(answers),
                            instrument == Instrument.PHQ9 ? difficulty : null,
                            TakenBy.WITH_COUNSELOR));
        } catch (RuntimeException e) {
            Failures.show(e, "wellbeing-form", Map.of());
            return;
        }
        entering = false;
        all = null;
        due = null;
        trends = null;
        if (justSaved.flagRaised()) {
            // the flag's banner and the to-do list are read with the record: load it again, saying what to do now
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.getFlash()
                    .put("wellbeing.flagRaised", firstName(justSaved.measure().memberName()));
            try {
                external.redirect(
                        external.getRequestContextPath() + "/families/record.xhtml?id=" + record.getId() + "&tab=plan");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        Confirmations.show(
                "wellbeing.saved",
                justSaved.measure().memberName(),
                justSaved.measure().total(),
                FacesContext.getCurrentInstance()
                        .getApplication()
                        .getResourceBundle(FacesContext.getCurrentInstance(), "i18n")
                        .getString("Band." + justSaved.measure().band()));
    }

    /** The clinic's today: no measure is taken later. */
    public LocalDate getToday() {
        return clock.today();
    }

    private static String firstName(String fullName) {
        String trimmed = fullName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    /** The question numbers (0-based) of the chosen questionnaire. */
    public List<Integer> getQuestions() {
        return IntStream.range(0, (instrument == null ? Instrument.PHQ9 : instrument).items())
                .boxed()
                .toList();
    }

    /** Whether question {@code index} (0-based) was left without an answer in the last try. */
    public boolean isMissing(int index) {
        return missing.contains(index);
    }

    /** Where "Hand the tablet to ..." goes: the tablet page for this member. */
    public String tabletUrl(long member) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/tablet/measure.xhtml?family=" + record.getId() + "&member=" + member;
    }

    /** The family's first day (no measure before it). */
    public LocalDate getOpenedOn() {
        FamilyRecord family = record.getFamily();
        return family == null ? null : family.openedOn();
    }

    public boolean isEntering() {
        return entering;
    }

    public Long getMemberId() {
        return memberId;
    }

    public void setMemberId(Long memberId) {
        this.memberId = memberId;
    }

    public Instrument getInstrument() {
        return instrument;
    }

    public void setInstrument(Instrument instrument) {
        this.instrument = instrument;
    }

    public Instrument[] getInstruments() {
        return Instrument.values();
    }

    public LocalDate getTakenOn() {
        return takenOn;
    }

    public void setTakenOn(LocalDate takenOn) {
        this.takenOn = takenOn;
    }

    public Integer[] getAnswers() {
        return answers;
    }

    public Integer getDifficulty() {
        return difficulty;
    }

    public void setDifficulty(Integer difficulty) {
        this.difficulty = difficulty;
    }

    public RecordedMeasure getJustSaved() {
        return justSaved;
    }
}
