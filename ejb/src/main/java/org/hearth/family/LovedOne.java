package org.hearth.family;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The person the family worries about, as recorded in the intake: an alias is enough (families often do
 * not want the loved one's full name on file), what they use and how, their history, the family's view
 * of their stage of change, and the six ASAM ratings.
 */
@Entity
@Table(name = "loved_one")
public class LovedOne {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Checked by every change; changed only with the intake, whose own version the caller names. */
    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Intake intake;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String alias;

    @Column(name = "age_years")
    private Integer ageYears;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LovedOneRelationship relationship;

    @ElementCollection
    @CollectionTable(name = "loved_one_substance", joinColumns = @JoinColumn(name = "loved_one_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "substance")
    private Set<Substance> substances = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "loved_one_route", joinColumns = @JoinColumn(name = "loved_one_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "route")
    private Set<Route> routes = new TreeSet<>();

    @Column(name = "years_of_use")
    private Integer yearsOfUse;

    @Column(name = "prior_treatment_episodes")
    private Integer priorTreatmentEpisodes;

    @Column(name = "known_overdoses")
    private Integer knownOverdoses;

    @Enumerated(EnumType.STRING)
    private Medication medication;

    @Column(name = "in_treatment")
    private Boolean inTreatment;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage_of_change")
    private StageOfChange stageOfChange;

    @Column(name = "asam_d1")
    private Integer asamD1;

    @Column(name = "asam_d1_note")
    private String asamD1Note;

    @Column(name = "asam_d2")
    private Integer asamD2;

    @Column(name = "asam_d2_note")
    private String asamD2Note;

    @Column(name = "asam_d3")
    private Integer asamD3;

    @Column(name = "asam_d3_note")
    private String asamD3Note;

    @Column(name = "asam_d4")
    private Integer asamD4;

    @Column(name = "asam_d4_note")
    private String asamD4Note;

    @Column(name = "asam_d5")
    private Integer asamD5;

    @Column(name = "asam_d5_note")
    private String asamD5Note;

    @Column(name = "asam_d6")
    private Integer asamD6;

    @Column(name = "asam_d6_note")
    private String asamD6Note;

    protected LovedOne() {}

    LovedOne(Intake intake) {
        this.intake = intake;
    }

    void update(int position, LovedOneForm form) {
        this.position = position;
        this.alias = form.getAlias().trim();
        this.ageYears = form.getAgeYears();
        this.relationship = form.getRelationship();
        substances.clear();
        substances.addAll(form.getSubstances());
        routes.clear();
        routes.addAll(form.getRoutes());
        this.yearsOfUse = form.getYearsOfUse();
        this.priorTreatmentEpisodes = form.getPriorTreatmentEpisodes();
        this.knownOverdoses = form.getKnownOverdoses();
        this.medication = form.getMedication();
        this.inTreatment = form.getInTreatment();
        this.stageOfChange = form.getStageOfChange();
        List<AsamRating> asam = form.getAsam();
        asamD1 = rating(asam, 0);
        asamD1Note = note(asam, 0);
        asamD2 = rating(asam, 1);
        asamD2Note = note(asam, 1);
        asamD3 = rating(asam, 2);
        asamD3Note = note(asam, 2);
        asamD4 = rating(asam, 3);
        asamD4Note = note(asam, 3);
        asamD5 = rating(asam, 4);
        asamD5Note = note(asam, 4);
        asamD6 = rating(asam, 5);
        asamD6Note = note(asam, 5);
    }

    private static Integer rating(List<AsamRating> asam, int dimension) {
        return dimension < asam.size() && asam.get(dimension) != null
                ? asam.get(dimension).getRating()
                : null;
    }

    private static String note(List<AsamRating> asam, int dimension) {
        if (dimension >= asam.size() || asam.get(dimension) == null) {
            return null;
        }
        String note = asam.get(dimension).getNote();
        return note == null || note.isBlank() ? null : note.trim();
    }

    LovedOneForm toForm() {
        LovedOneForm form = new LovedOneForm();
        form.setId(id);
        form.setAlias(alias);
        form.setAgeYears(ageYears);
        form.setRelationship(relationship);
        form.setSubstances(sorted(substances));
        form.setRoutes(sorted(routes));
        form.setYearsOfUse(yearsOfUse);
        form.setPriorTreatmentEpisodes(priorTreatmentEpisodes);
        form.setKnownOverdoses(knownOverdoses);
        form.setMedication(medication);
        form.setInTreatment(inTreatment);
        form.setStageOfChange(stageOfChange);
        form.setAsam(List.of(
                new AsamRating(asamD1, asamD1Note),
                new AsamRating(asamD2, asamD2Note),
                new AsamRating(asamD3, asamD3Note),
                new AsamRating(asamD4, asamD4Note),
                new AsamRating(asamD5, asamD5Note),
                new AsamRating(asamD6, asamD6Note)));
        return form;
    }

    private static <E extends Enum<E>> List<E> sorted(Set<E> values) {
        return values.isEmpty() ? new ArrayList<>() : new ArrayList<>(EnumSet.copyOf(values));
    }

    public Long getId() {
        return id;
    }

    public String getAlias() {
        return alias;
    }

    /** The substances the family named, in the enum's order. */
    public Set<Substance> getSubstances() {
        return Collections.unmodifiableSet(substances);
    }

    public Integer getKnownOverdoses() {
        return knownOverdoses;
    }

    /** The stage of change the family perceived at intake. */
    public StageOfChange getStageOfChange() {
        return stageOfChange;
    }

    public Boolean getInTreatment() {
        return inTreatment;
    }

    public Intake getIntake() {
        return intake;
    }

    public long getVersion() {
        return version;
    }
}
