package org.hearth.safetyplan;

import java.time.LocalDate;
import java.util.List;

/**
 * What the printed copy shows, already resolved to names: nothing else of the record reaches the PDF.
 *
 * @param language {@code en} or {@code es}
 * @param updatedOn the day of the version printed
 * @param warningSigns the warning signs
 * @param members each member's name and part
 * @param contacts the family's own contacts
 * @param clinicPhone the clinic's number, or null when not set
 * @param afterHoursPhone the clinic's after-hours number, or null
 * @param sprayWhere where the emergency nasal spray is kept, or null
 * @param sprayTrained the names of the members who know how to use it
 * @param leaving the leaving-safely part to print, or null (none, or left off the printed copy)
 */
public record PrintedPlan(
        String language,
        LocalDate updatedOn,
        List<String> warningSigns,
        List<Line> members,
        List<SafetyPlanContent.Contact> contacts,
        String clinicPhone,
        String afterHoursPhone,
        String sprayWhere,
        List<String> sprayTrained,
        SafetyPlanContent.LeavingSafely leaving) {

    /** A member's name and what they do. */
    public record Line(String name, String part) {}
}
