package org.hearth.web.view.providers;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;
import org.hearth.providers.Population;
import org.hearth.providers.ProviderDetails;

/** What the entry form holds while a supervisor types: the details of {@link ProviderDetails}, as fields. */
public class ProviderForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String street;
    private String city;
    private String state;
    private String zip;
    private String phone;
    private String website;
    private List<LevelOfCare> levelsOfCare = new ArrayList<>();
    private List<OudMedication> medications = new ArrayList<>();
    private List<Payment> payments = new ArrayList<>();
    private List<String> languages = new ArrayList<>();
    private List<Population> populations = new ArrayList<>();
    private boolean coOccurringCare;
    private String intakeHours;
    private Integer typicalWaitDays;
    private LocalDate confirmedOn;
    private String notes;

    /** An empty form, confirmed {@code today}, English spoken. */
    public static ProviderForm empty(LocalDate today) {
        ProviderForm form = new ProviderForm();
        form.confirmedOn = today;
        form.languages.add("en");
        return form;
    }

    public static ProviderForm of(ProviderDetails details) {
        ProviderForm form = new ProviderForm();
        form.name = details.name();
        form.street = details.street();
        form.city = details.city();
        form.state = details.state();
        form.zip = details.zip();
        form.phone = details.phone();
        form.website = details.website();
        form.levelsOfCare = new ArrayList<>(details.levelsOfCare());
        form.medications = new ArrayList<>(details.medications());
        form.payments = new ArrayList<>(details.payments());
        form.languages = new ArrayList<>(details.languages());
        form.populations = new ArrayList<>(details.populations());
        form.coOccurringCare = details.coOccurringCare();
        form.intakeHours = details.intakeHours();
        form.typicalWaitDays = details.typicalWaitDays();
        form.confirmedOn = details.confirmedOn();
        form.notes = details.notes();
        return form;
    }

    public ProviderDetails details() {
        return new ProviderDetails(
                name,
                street,
                city,
                state,
                zip,
                phone,
                website,
                new HashSet<>(levelsOfCare),
                new HashSet<>(medications),
                new HashSet<>(payments),
                new HashSet<>(languages),
                new HashSet<>(populations),
                coOccurringCare,
                intakeHours,
                typicalWaitDays,
                confirmedOn,
                notes);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getZip() {
        return zip;
    }

    public void setZip(String zip) {
        this.zip = zip;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public List<LevelOfCare> getLevelsOfCare() {
        return levelsOfCare;
    }

    public void setLevelsOfCare(List<LevelOfCare> levelsOfCare) {
        this.levelsOfCare = levelsOfCare == null ? new ArrayList<>() : levelsOfCare;
    }

    public List<OudMedication> getMedications() {
        return medications;
    }

    public void setMedications(List<OudMedication> medications) {
        this.medications = medications == null ? new ArrayList<>() : medications;
    }

    public List<Payment> getPayments() {
        return payments;
    }

    public void setPayments(List<Payment> payments) {
        this.payments = payments == null ? new ArrayList<>() : payments;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages == null ? new ArrayList<>() : languages;
    }

    public List<Population> getPopulations() {
        return populations;
    }

    public void setPopulations(List<Population> populations) {
        this.populations = populations == null ? new ArrayList<>() : populations;
    }

    public boolean isCoOccurringCare() {
        return coOccurringCare;
    }

    public void setCoOccurringCare(boolean coOccurringCare) {
        this.coOccurringCare = coOccurringCare;
    }

    public String getIntakeHours() {
        return intakeHours;
    }

    public void setIntakeHours(String intakeHours) {
        this.intakeHours = intakeHours;
    }

    public Integer getTypicalWaitDays() {
        return typicalWaitDays;
    }

    public void setTypicalWaitDays(Integer typicalWaitDays) {
        this.typicalWaitDays = typicalWaitDays;
    }

    public LocalDate getConfirmedOn() {
        return confirmedOn;
    }

    public void setConfirmedOn(LocalDate confirmedOn) {
        this.confirmedOn = confirmedOn;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
