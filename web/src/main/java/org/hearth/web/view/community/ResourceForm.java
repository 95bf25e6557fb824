package org.hearth.web.view.community;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hearth.resources.ResourceDetails;
import org.hearth.resources.ResourceKind;
import org.hearth.resources.ResourceSetting;

/** What the entry form holds while a supervisor types: the details of {@link ResourceDetails}, as fields. */
public class ResourceForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private ResourceKind kind;
    private String description;
    private String address;
    private String phone;
    private String website;
    private String hours;
    private List<String> languages = new ArrayList<>();
    private ResourceSetting setting = ResourceSetting.IN_PERSON;
    private LocalDate confirmedOn;

    /** A new entry's form, confirmed today unless the supervisor says otherwise. */
    public static ResourceForm empty(LocalDate today) {
        ResourceForm form = new ResourceForm();
        form.confirmedOn = today;
        form.languages.add("en");
        return form;
    }

    /** The form of an entry's details. */
    public static ResourceForm of(ResourceDetails details) {
        ResourceForm form = new ResourceForm();
        form.name = details.name();
        form.kind = details.kind();
        form.description = details.description();
        form.address = details.address();
        form.phone = details.phone();
        form.website = details.website();
        form.hours = details.hours();
        form.languages = new ArrayList<>(details.languages());
        form.setting = details.setting();
        form.confirmedOn = details.confirmedOn();
        return form;
    }

    public ResourceDetails details() {
        return new ResourceDetails(
                name, kind, description, address, phone, website, hours, Set.copyOf(languages), setting, confirmedOn);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ResourceKind getKind() {
        return kind;
    }

    public void setKind(ResourceKind kind) {
        this.kind = kind;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
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

    public String getHours() {
        return hours;
    }

    public void setHours(String hours) {
        this.hours = hours;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages == null ? new ArrayList<>() : new ArrayList<>(languages);
    }

    public ResourceSetting getSetting() {
        return setting;
    }

    public void setSetting(ResourceSetting setting) {
        this.setting = setting;
    }

    public LocalDate getConfirmedOn() {
        return confirmedOn;
    }

    public void setConfirmedOn(LocalDate confirmedOn) {
        this.confirmedOn = confirmedOn;
    }
}
