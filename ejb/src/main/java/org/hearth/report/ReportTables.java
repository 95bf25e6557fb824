package org.hearth.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A program report as the tables an export writes, de-identified for a funder or a board: no family is
 * named, and every count of families, loved ones, sessions or events from 1 to 4 shows as {@value
 * Suppression#SUPPRESSED_COUNT} (a share built on one as {@value Suppression#SUPPRESSED_SHARE}), the caseload
 * counts per counselor included. The time-to-entry curve stops where fewer than 5 loved ones were still
 * followed. A cell is a String or, where it is an exact figure, a Number.
 */
public final class ReportTables {

    /** One table: its title, its column headers and its rows. */
    public record Table(String title, List<String> headers, List<List<Object>> rows) {}

    private ReportTables() {}

    /** Every table of the report, in the page's order. */
    public static List<Table> of(ProgramReport report) {
        List<Table> tables = new ArrayList<>();
        tables.add(summary(report));
        tables.add(new Table(
                "Entry by intake month",
                List.of("Month", "Opened", "Entered treatment", "Share"),
                report.entryByCohort().stream()
                        .map(c -> List.<Object>of(
                                c.month().toString(),
                                count(c.entered().whole()),
                                part(c.entered()),
                                Suppression.percent(c.entered())))
                        .toList()));
        List<List<Object>> curve = new ArrayList<>();
        for (SurvivalPoint p : report.timeToEntry()) {
            if (Suppression.isSmall(p.atRisk())) {
                break;
            }
            curve.add(List.of(
                    p.day(),
                    p.atRisk(),
                    count(p.entered()),
                    count(p.censored()),
                    BigDecimal.valueOf(p.notEnteredYet() * 100).setScale(1, RoundingMode.HALF_UP)));
        }
        tables.add(new Table(
                "Time to entry (Kaplan-Meier)",
                List.of("Day", "Followed", "Entered", "Censored", "Not yet in treatment (%)"),
                curve));
        tables.add(tallies("Refusal reasons", "Reason", report.refusalReasons(), Tally::item, Tally::count));
        tables.add(
                tallies("Levels of care entered", "Level of care", report.levelsOfCare(), Tally::item, Tally::count));
        tables.add(tallies("Critical events", "Event", report.criticalEvents(), Tally::item, Tally::count));
        tables.add(tallies("Sessions held", "Kind", report.sessionsHeld(), Tally::item, Tally::count));
        tables.add(new Table(
                "Group attendance",
                List.of("Group", "Meetings", "Attended", "Excused"),
                report.groupAttendance().stream()
                        .map(g -> List.<Object>of(
                                g.groupName(), g.meetings(), Suppression.percent(g.attended()), count(g.excused())))
                        .toList()));
        tables.add(new Table(
                "Waitlists",
                List.of("Group", "Waiting"),
                report.waitlists().stream()
                        .filter(w -> w.waiting() > 0)
                        .map(w -> List.<Object>of(w.groupName(), count(w.waiting())))
                        .toList()));
        tables.add(tallies(
                "CRAFT procedures delivered", "Procedure", report.craftProcedures(), Tally::item, Tally::count));
        tables.add(new Table(
                "Caseloads",
                List.of(
                        "Counselor",
                        "Active families",
                        "Sessions held",
                        "Overdue notes",
                        "Overdue follow-ups",
                        "No contact for 30 days"),
                report.caseloads().stream()
                        .map(c -> List.<Object>of(
                                c.displayName(),
                                count(c.activeFamilies()),
                                count(c.sessionsHeld()),
                                count(c.overdueNotes()),
                                count(c.overdueFollowUps()),
                                count(c.withoutContact())))
                        .toList()));
        tables.add(new Table(
                "MI fidelity (MITI 4.2.1)",
                List.of(
                        "Counselor",
                        "Reviews",
                        "Technical",
                        "Band",
                        "Relational",
                        "Band",
                        "R:Q",
                        "Band",
                        "% complex reflections",
                        "Band"),
                report.fidelity().stream()
                        .map(m -> List.<Object>of(
                                m.displayName(),
                                m.reviews(),
                                orDash(m.technical()),
                                words(m.technicalBand()),
                                orDash(m.relational()),
                                words(m.relationalBand()),
                                orDash(m.reflectionToQuestion()),
                                words(m.reflectionToQuestionBand()),
                                m.percentComplexReflections() == null
                                        ? "-"
                                        : m.percentComplexReflections()
                                                .multiply(BigDecimal.valueOf(100))
                                                .setScale(1, RoundingMode.HALF_UP),
                                words(m.percentComplexReflectionsBand())))
                        .toList()));
        return tables;
    }

    private static Table summary(ProgramReport report) {
        Share entered = report.enteredOverall();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Loved ones' episodes opened", count(report.episodesOpened())));
        rows.add(List.of("Entered treatment", part(entered) + " of " + count(entered.whole())));
        rows.add(List.of("Entered treatment (share)", Suppression.percent(entered)));
        rows.add(List.of("CRAFT trials' entry range", "58.6% to 74%"));
        rows.add(List.of(
                "Median days from intake to entry",
                median(report.daysToEntry().medianDays(), report.daysToEntry().entered())));
        rows.add(List.of(
                "Still in treatment at 30 days",
                Suppression.percent(report.retention().at30())));
        rows.add(List.of(
                "Still in treatment at 90 days",
                Suppression.percent(report.retention().at90())));
        rows.add(List.of("Naloxone kits given", count(report.naloxoneKits())));
        rows.add(List.of(
                "Family sessions missed (no-show)",
                Suppression.percent(report.sessionAttendance().noShows())));
        rows.add(List.of(
                "Cancelled by the family under 24 hours",
                Suppression.percent(report.sessionAttendance().lateCancels())));
        rows.add(List.of(
                "Median family sessions before entry",
                median(
                        report.sessionsBeforeEntry().median(),
                        report.sessionsBeforeEntry().entrants())));
        return new Table("Summary", List.of("Figure", "Value"), rows);
    }

    private static <T, K extends Enum<K>> Table tallies(
            String title, String column, List<T> tallies, Function<T, K> item, Function<T, Long> count) {
        return new Table(
                title,
                List.of(column, "Times"),
                tallies.stream()
                        .map(t -> List.<Object>of(words(item.apply(t)), count(count.apply(t))))
                        .toList());
    }

    /** A count as exported: the number, or "&lt;5" for 1 to 4. */
    static Object count(long count) {
        return Suppression.isSmall(count) ? Suppression.SUPPRESSED_COUNT : (Object) count;
    }

    private static Object part(Share share) {
        return Suppression.isSuppressed(share) ? Suppression.SUPPRESSED_COUNT : (Object) share.part();
    }

    private static Object median(Double value, long over) {
        if (value == null) {
            return "-";
        }
        return Suppression.isSmall(over)
                ? Suppression.SUPPRESSED_SHARE
                : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static Object orDash(BigDecimal value) {
        return value == null ? "-" : value;
    }

    /** An enum constant in words: FEAR_OF_WITHDRAWAL as "Fear of withdrawal". */
    static String words(Enum<?> constant) {
        if (constant == null) {
            return "-";
        }
        String lower = constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String words = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        return words.replaceAll("(?i)\\bcraft\\b", "CRAFT");
    }
}
