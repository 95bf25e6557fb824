package org.hearth.family;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A loved one as the counselor describes them in the intake. Only the alias and who they are to the
 * family are needed for a draft; the rest is needed to complete the intake. {@code asam} holds the six
 * dimensions in {@link AsamDimension} order.
 */
public class LovedOneForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;

    @NotBlank(message = "{intake.lovedOne.alias.required}")
    @Size(max = 120, message = "{intake.lovedOne.alias.length}")
    private String alias;

    @Min(value = 10, message = "{intake.lovedOne.age.range}")
    @Max(value = 110, message = "{intake.lovedOne.age.range}")
    private Integer ageYears;

    @NotNull(message = "{intake.lovedOne.relationship.required}")
    private LovedOneRelationship relationship;

    private List<Substance> substances = new ArrayList<>();

    private List<Route> routes = new ArrayList<>();

    @Min(value = 0, message = "{intake.lovedOne.years.range}")
    @Max(value = 80, message = "{intake.lovedOne.years.range}")
    private Integer yearsOfUse;

    @Min(value = 0, message = "{intake.lovedOne.count.range}")
    @Max(value = 99, message = "{intake.lovedOne.count.range}")
    private Integer priorTreatmentEpisodes;

    @Min(value = 0, message = "{intake.lovedOne.count.range}")
    @Max(value = 99, message = "{intake.lovedOne.count.range}")
    private Integer knownOverdoses;

    private Medication medication;

    /** Whether the loved one is in treatment now; one who is not gets an engagement episode at completion. */
    private Boolean inTreatment;

    private StageOfChange stageOfChange;

    @Size(min = 6, max = 6, message = "{intake.asam.six}")
    private List<@NotNull @Valid AsamRating> asam = blankAsam();

    public LovedOneForm() {}

    /**
     * Whether nothing has been entered for this loved one yet (a new, untouched row of the form): such a
     * row is left out of a draft instead of being refused for its missing alias.
     */
    public boolean isBlank() {
        return id == null
                && (alias == null || alias.isBlank())
                && ageYears == null
                && relationship == null
                && substances.isEmpty()
                && routes.isEmpty()
                && yearsOfUse == null
                && priorTreatmentEpisodes == null
                && knownOverdoses == null
                && medication == null
                && inTreatment == null
                && stageOfChange == null
                && asam.stream()
                        .allMatch(a -> a == null
                                || (a.getRating() == null
                                        && (a.getNote() == null || a.getNote().isBlank())));
    }

    static List<AsamRating> blankAsam() {
        List<AsamRating> ratings = new ArrayList<>();
        for (int i = 0; i < AsamDimension.values().length; i++) {
            ratings.add(new AsamRating());
        }
        return ratings;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public Integer getAgeYears() {
        return ageYears;
    }

    public void setAgeYears(Integer ageYears) {
        this.ageYears = ageYears;
    }

    public LovedOneRelationship getRelationship() {
        return relationship;
    }

    public void setRelationship(LovedOneRelationship relationship) {
        this.relationship = relationship;
    }

    public List<Substance> getSubstances() {
        return substances;
    }

    public void setSubstances(List<Substance> substances) {
        this.substances = substances == null ? new ArrayList<>() : new ArrayList<>(substances);
    }

    public List<Route> getRoutes() {
        return routes;
    }

    public void setRoutes(List<Route> routes) {
        this.routes = routes == null ? new ArrayList<>() : new ArrayList<>(routes);
    }

    public Integer getYearsOfUse() {
        return yearsOfUse;
    }

    public void setYearsOfUse(Integer yearsOfUse) {
        this.yearsOfUse = yearsOfUse;
    }

    public Integer getPriorTreatmentEpisodes() {
        return priorTreatmentEpisodes;
    }

    public void setPriorTreatmentEpisodes(Integer priorTreatmentEpisodes) {
        this.priorTreatmentEpisodes = priorTreatmentEpisodes;
    }

    public Integer getKnownOverdoses() {
        return knownOverdoses;
    }

    public void setKnownOverdoses(Integer knownOverdoses) {
        this.knownOverdoses = knownOverdoses;
    }

    public Medication getMedication() {
        return medication;
    }

    public void setMedication(Medication medication) {
        this.medication = medication;
    }

    public Boolean getInTreatment() {
        return inTreatment;
    }

    public void setInTreatment(Boolean inTreatment) {
        this.inTreatment = inTreatment;
    }

    public StageOfChange getStageOfChange() {
        return stageOfChange;
    }

    public void setStageOfChange(StageOfChange stageOfChange) {
        this.stageOfChange = stageOfChange;
    }

    public List<AsamRating> getAsam() {
        return asam;
    }

    public void setAsam(List<AsamRating> asam) {
        this.asam = asam == null ? blankAsam() : new ArrayList<>(asam);
    }
}
