package org.hearth.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A program report as the tables an export writes, de-identified for a funder or a board: no family is
 * named, and every count of families, loved ones, sessions or events from 1 to 4 shows as {@value
 * Suppression#SUPPRESSED_COUNT} (a share built on one as {@value Suppression#SUPPRESSED_SHARE}), the caseload
 * counts per counselor included; a cell that would let a withheld one be worked out from a total is withheld as
 * {@value Suppression#WITHHELD}; the time-to-entry curve is shown in steps of at least 5 entries or censorings
 * (the rule: {@link Suppression}). A cell is a String or, where it is an exact figure, a Number.
 */
public final class ReportTables {

    /** One table: its title, its column headers and its rows. */
    public record Table(String title, List<String> headers, List<List<Object>> rows) {}

    private ReportTables() {}

    /** Every table of the report, in the page's order. */
    public static List<Table> of(ProgramReport report) {
        List<Table> tables = new ArrayList<>();
        tables.add(summary(report));
        Withheld withheld = withheld(report);
        List<List<Object>> cohorts = new ArrayList<>();
        for (int i = 0; i < report.entryByCohort().size(); i++) {
            EntryCohort c = report.entryByCohort().get(i);
            boolean entered = withheld.entered().contains(i);
            cohorts.add(List.of(
                    c.month().toString(),
                    withheld.opened().contains(i)
                            ? withheldCount(c.entered().whole())
                            : c.entered().whole(),
                    entered ? withheldPart(c.entered()) : c.entered().part(),
                    entered ? withheldPercent(c.entered()) : Suppression.percent(c.entered())));
        }
        tables.add(
                new Table("Entry by intake month", List.of("Month", "Opened", "Entered treatment", "Share"), cohorts));
        List<List<Object>> curve = new ArrayList<>();
        for (SurvivalPoint p : curve(report)) {
            curve.add(List.of(
                    p.day(),
                    p.atRisk(),
                    p.entered(),
                    p.censored(),
                    BigDecimal.valueOf(p.notEnteredYet() * 100).setScale(1, RoundingMode.HALF_UP)));
        }
        tables.add(new Table(
                "Time to entry (Kaplan-Meier)",
                List.of("By day", "Followed", "Entered", "Censored", "Not yet in treatment (%)"),
                curve));
        tables.add(tallies("Refusal reasons", "Reason", report.refusalReasons(), Tally::item, Tally::count));
        tables.add(
                tallies("Levels of care entered", "Level of care", report.levelsOfCare(), Tally::item, Tally::count));
        tables.add(tallies("Critical events", "Event", report.criticalEvents(), Tally::item, Tally::count));
        tables.add(treatmentPath(report.treatmentPath()));
        tables.add(new Table(
                "Referrals lost, by reason",
                List.of("Reason", "Referrals"),
                report.treatmentPath().lostByReason().stream()
                        .map(t -> List.<Object>of(codeWords(t.code()), count(t.count())))
                        .toList()));
        tables.add(new Table(
                "Arrivals by provider",
                List.of("Provider", "Arrivals"),
                report.treatmentPath().entriesByProvider().stream()
                        .map(p -> List.<Object>of(p.providerName(), count(p.arrivals())))
                        .toList()));
        tables.add(familyWellbeing(report.familyWellbeing()));
        tables.add(resourcesGiven(report.resourcesGiven()));
        tables.add(tallies(
                "Community resources given, by kind",
                "Kind",
                report.resourcesGiven().byKind(),
                Tally::item,
                Tally::count));
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
        Withheld withheld = withheld(report);
        Object opened = withheld.totalOpened() ? withheldCount(entered.whole()) : entered.whole();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(
                "Loved ones' episodes opened",
                withheld.totalOpened() ? withheldCount(report.episodesOpened()) : report.episodesOpened()));
        rows.add(List.of(
                "Entered treatment",
                (withheld.totalEntered() ? withheldPart(entered) : entered.part()) + " of " + opened));
        rows.add(List.of(
                "Entered treatment (share)",
                withheld.totalEntered() || withheld.totalOpened()
                        ? withheldPercent(entered)
                        : Suppression.percent(entered)));
        rows.add(List.of("CRAFT trials' entry range", "58.6% to 74%"));
        rows.add(List.of(
                "Median days from intake to entry",
                median(report.daysToEntry().medianDays(), report.daysToEntry().entered())));
        Integer medianOnCurve = report.medianTimeToEntry();
        rows.add(List.of(
                "Median time to entry on the curve (days)",
                medianOnCurve != null ? (Object) medianOnCurve : curve(report).isEmpty() ? "-" : "not reached"));
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

    /** The path from "yes" to treatment (issue 24): the referrals of the range, and offers after critical events. */
    private static Table treatmentPath(TreatmentPath path) {
        ReferralOutcomes referrals = path.referrals();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Referrals made", count(referrals.started())));
        rows.add(List.of(
                "Arrived at the provider",
                Suppression.part(referrals.arrivedShare()) + " of " + Suppression.count(referrals.started())));
        rows.add(List.of("Arrived (share)", Suppression.percent(referrals.arrivedShare())));
        rows.add(List.of(
                "Median days from acceptance to arrival",
                median(referrals.medianDaysToArrival(), referrals.arrived())));
        rows.add(List.of("Did not arrive", count(referrals.lost())));
        rows.add(
                List.of("Ready plan when the offer was accepted (share)", Suppression.percent(referrals.readyShare())));
        rows.add(List.of(
                "Offers within 14 days after a critical event",
                count(path.offersAfterCriticalEvent().whole())));
        rows.add(List.of("Of them accepted (share)", Suppression.percent(path.offersAfterCriticalEvent())));
        return new Table("From yes to treatment", List.of("Figure", "Value"), rows);
    }

    /**
     * The family members' own wellbeing (issue 25): members measured, and per questionnaire the paired change from
     * intake to about 90 days (mean, and the shares changed by 5 points or more either way).
     */
    private static Table familyWellbeing(FamilyWellbeing wellbeing) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Family members measured (PHQ-9 or GAD-7)", count(wellbeing.membersMeasured())));
        for (String instrument : List.of("PHQ9", "GAD7")) {
            FamilyWellbeing.WellbeingChange change = wellbeing.change(instrument);
            String name = "PHQ9".equals(instrument) ? "PHQ-9" : "GAD-7";
            rows.add(List.of(name + ": members with an intake and a 90-day measure", count(change.pairs())));
            rows.add(List.of(
                    name + ": mean change from intake to 90 days (points; below 0 is better)",
                    median(change.meanChange(), change.pairs())));
            rows.add(List.of(
                    name + ": improved by 5 points or more (share)", Suppression.percent(change.improvedShare())));
            rows.add(
                    List.of(name + ": worse by 5 points or more (share)", Suppression.percent(change.worsenedShare())));
        }
        return new Table("Family wellbeing", List.of("Figure", "Value"), rows);
    }

    /** Community resources given to the families (issue 25): how many, and to how many families. */
    private static Table resourcesGiven(ResourcesGiven given) {
        return new Table(
                "Community resources given",
                List.of("Figure", "Value"),
                List.of(
                        List.of("Resources given", count(given.given())),
                        List.of("Families given at least one", count(given.families()))));
    }

    /** A coded reason in words (NO_TRANSPORT as "No transport"); a code that is not one is shown as written. */
    static String codeWords(String code) {
        if (code == null || !code.matches("[A-Z][A-Z_]*")) {
            return String.valueOf(code);
        }
        String lower = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
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

    /**
     * The cells of the entry-by-month table and of its totals in the summary that are withheld: the months whose
     * opened count is, the months whose entered count (and so its rest and its share) is, and whether the summary's
     * opened and entered totals are. Small cells first, then secondary suppression ({@link Suppression}): while a
     * column's withheld cells could be worked out from its shown total, the month with the smallest shown count of
     * that column is withheld too, or the total when none is left.
     */
    record Withheld(Set<Integer> opened, Set<Integer> entered, boolean totalOpened, boolean totalEntered) {}

    static Withheld withheld(ProgramReport report) {
        List<Share> months =
                report.entryByCohort().stream().map(EntryCohort::entered).toList();
        Share overall = report.enteredOverall();
        Set<Integer> opened = new TreeSet<>();
        Set<Integer> entered = new TreeSet<>();
        for (int i = 0; i < months.size(); i++) {
            if (Suppression.isSmall(months.get(i).whole())) {
                opened.add(i);
            }
            if (opened.contains(i) || Suppression.isSuppressed(months.get(i))) {
                entered.add(i);
            }
        }
        boolean totalOpened = Suppression.isSmall(overall.whole());
        boolean totalEntered = Suppression.isSuppressed(overall);
        boolean changed = true;
        while (changed) {
            changed = false;
            if (!totalOpened && Suppression.revealsWithheld(values(months, opened, Share::whole))) {
                Integer next = smallest(months, opened, Share::whole);
                if (next == null) {
                    totalOpened = true;
                } else {
                    opened.add(next);
                    entered.add(next);
                }
                changed = true;
            }
            if (!totalEntered
                    && (Suppression.revealsWithheld(values(months, entered, Share::part))
                            || Suppression.revealsWithheld(values(months, entered, s -> s.whole() - s.part())))) {
                Integer next = smallest(months, entered, Share::part);
                if (next == null) {
                    totalEntered = true;
                } else {
                    entered.add(next);
                }
                changed = true;
            }
        }
        return new Withheld(Set.copyOf(opened), Set.copyOf(entered), totalOpened, totalEntered);
    }

    /**
     * The steps of the time-to-entry curve a de-identified report shows ({@link Suppression#curve}); none when the
     * summary withholds the entries or the episodes opened, which the curve's counts would add up to.
     */
    static List<SurvivalPoint> curve(ProgramReport report) {
        Withheld withheld = withheld(report);
        return withheld.totalOpened() || withheld.totalEntered() ? List.of() : Suppression.curve(report.timeToEntry());
    }

    private static List<Long> values(List<Share> months, Set<Integer> withheld, ToLongFunction<Share> count) {
        return withheld.stream().map(i -> count.applyAsLong(months.get(i))).toList();
    }

    /** The month not yet withheld with the smallest count, or null when every month is. */
    private static Integer smallest(List<Share> months, Set<Integer> withheld, ToLongFunction<Share> count) {
        Integer smallest = null;
        for (int i = 0; i < months.size(); i++) {
            if (!withheld.contains(i)
                    && (smallest == null
                            || count.applyAsLong(months.get(i)) < count.applyAsLong(months.get(smallest)))) {
                smallest = i;
            }
        }
        return smallest;
    }

    /** A count withheld: "&lt;5" when it is small, else "x" (withheld so that a small one stays hidden). */
    private static String withheldCount(long count) {
        return Suppression.isSmall(count) ? Suppression.SUPPRESSED_COUNT : Suppression.WITHHELD;
    }

    private static String withheldPart(Share share) {
        return Suppression.isSuppressed(share) ? Suppression.SUPPRESSED_COUNT : Suppression.WITHHELD;
    }

    private static String withheldPercent(Share share) {
        if (share.whole() == 0) {
            return Suppression.NO_SHARE;
        }
        return Suppression.isSuppressed(share) ? Suppression.SUPPRESSED_SHARE : Suppression.WITHHELD;
    }

    /** A count as exported: the number, or "&lt;5" for 1 to 4. */
    static Object count(long count) {
        return Suppression.isSmall(count) ? Suppression.SUPPRESSED_COUNT : (Object) count;
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
