package org.hearth.safetyplan;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A family's safety plan as its readers see it: the current version (or none yet), who signed it and when, the last
 * review, when the next review is due, the versions and reviews, and what a form needs (the participating members,
 * whether a leaving-safely part may be written, the clinic's numbers).
 *
 * @param familyId the family
 * @param number the current version's number, or null when no plan is written yet
 * @param content the current version's content, or null
 * @param signedByName who signed the current version
 * @param signedAt when
 * @param lastReviewedByName who last reviewed it without a change, or null
 * @param lastReviewedAt when, or null
 * @param due the review due while the safety flag stands, or null when none is due
 * @param flagStands whether the family's safety flag stands
 * @param leavingAllowed whether the intake screened violence at home (a leaving-safely part may be written)
 * @param language the family's language for the printed copy ({@code en} or {@code es})
 * @param members the family's participating members
 * @param clinicPhone the clinic's number every plan carries, or null when not set
 * @param afterHoursPhone the clinic's after-hours number, or null
 * @param versions every version, the newest first
 * @param reviews every review without a change, the newest first
 * @param mayChange whether the caller may save or review the plan (a counselor of the family)
 * @param version the plan's version as read (send it back with a change), or null when no plan is written yet
 */
public record SafetyPlanView(
        long familyId,
        Integer number,
        SafetyPlanContent content,
        String signedByName,
        Instant signedAt,
        String lastReviewedByName,
        Instant lastReviewedAt,
        ReviewDue due,
        boolean flagStands,
        boolean leavingAllowed,
        String language,
        List<Person> members,
        String clinicPhone,
        String afterHoursPhone,
        List<VersionLine> versions,
        List<ReviewLine> reviews,
        boolean mayChange,
        Long version)
        implements Serializable {

    /** A participating member of the family. */
    public record Person(long id, String name) implements Serializable {}

    /** One version in the list: its number, who signed it and when, and what it changed. */
    public record VersionLine(
            int number, String signedByName, Instant signedAt, List<SafetyPlanContent.Section> changed)
            implements Serializable {}

    /** One review without a change: the version reviewed, who and when. */
    public record ReviewLine(int versionNumber, String reviewedByName, Instant reviewedAt) implements Serializable {}

    /** One version read in full. */
    public record VersionRead(
            int number,
            SafetyPlanContent content,
            String signedByName,
            Instant signedAt,
            List<SafetyPlanContent.Section> changed)
            implements Serializable {}

    /** Whether a plan is written. */
    public boolean exists() {
        return number != null;
    }

    /** The name of member {@code id} of the family, or null. */
    public String nameOf(Long id) {
        return id == null
                ? null
                : members.stream()
                        .filter(p -> p.id() == id)
                        .map(Person::name)
                        .findFirst()
                        .orElse(null);
    }
}
