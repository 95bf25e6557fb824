package org.hearth.report;

import jakarta.json.bind.annotation.JsonbNillable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hearth.appointments.AppointmentKind;
import org.hearth.engagement.CriticalEventKind;
import org.hearth.engagement.LevelOfCare;
import org.hearth.engagement.RefusalReason;
import org.hearth.notes.CraftProcedure;
import org.hearth.notes.MitiBand;
import org.hearth.resources.ResourceKind;

/**
 * A program report de-identified as the exports are ({@link ReportTables}, {@link Suppression}), as typed figures
 * for a program (a funder's dashboard, say): counts and shares are numbers, and a withheld figure has no value, its
 * {@code suppressed} flag set and the reason. The same cells are withheld as in the exports; nothing here is a
 * display string.
 */
@Schema(
        description = "A program report, de-identified: counts and shares as numbers; a withheld figure has no value,"
                + " suppressed=true and the reason.")
public record ReportFigures(
        @Schema(required = true) Scope scope,
        @Schema(required = true) Summary summary,
        @Schema(
                        required = true,
                        description =
                                "Loved ones' episodes opened in each intake month and how many entered" + " treatment")
                List<Cohort> entryByIntakeMonth,
        @Schema(
                        required = true,
                        description = "The time-to-entry curve (Kaplan-Meier) in steps of at least 5 entries"
                                + " or censorings; empty when it cannot be shown so")
                List<CurveStep> timeToEntry,
        @Schema(required = true) List<Times<RefusalReason>> refusalReasons,
        @Schema(required = true) List<Times<LevelOfCare>> levelsOfCare,
        @Schema(required = true) List<Times<CriticalEventKind>> criticalEvents,
        @Schema(required = true) List<Times<AppointmentKind>> sessionsHeld,
        @Schema(required = true) List<GroupAttendanceFigures> groupAttendance,
        @Schema(required = true, description = "Groups with people waiting") List<Waitlist> waitlists,
        @Schema(required = true) List<Times<CraftProcedure>> craftProcedures,
        @Schema(required = true) List<Caseload> caseloads,
        @Schema(required = true, description = "MI fidelity (MITI 4.2.1) by counselor") List<Fidelity> fidelity,
        @Schema(
                        required = true,
                        description = "The path from yes to treatment: referrals, arrivals, losses, offers after"
                                + " critical events")
                TreatmentPathFigures treatmentPath,
        @Schema(required = true, description = "Community resources given to families (issue 25)")
                ResourcesGivenFigures resourcesGiven,
        @Schema(
                        required = true,
                        description = "The family members' own wellbeing: members measured, the paired PHQ-9 and GAD-7"
                                + " change from intake to about 90 days (issue 25)")
                FamilyWellbeingFigures familyWellbeing,
        @Schema(required = true, description = "When the figures were counted") Instant asOf) {

    /** Why a figure is withheld. */
    @Schema(
            description = "Why a figure is withheld: SMALL_COUNT - a count from 1 to 4; SMALL_BASE - a share or"
                    + " statistic over 1 to 4 (or whose rest is 1 to 4); SECONDARY - withheld so that a withheld figure"
                    + " cannot be worked out from a total.")
    public enum SuppressionReason {
        SMALL_COUNT,
        SMALL_BASE,
        SECONDARY
    }

    /** A count, or - withheld - none, with the reason. */
    @Schema(
            description = "A count; withheld, value is null, suppressed true and reason says why.",
            example = "{\"value\": 12, \"suppressed\": false, \"reason\": null}")
    @JsonbNillable
    public record Count(
            @Schema(required = true, nullable = true, description = "The count; null when withheld") Long value,
            @Schema(required = true) boolean suppressed,
            @Schema(required = true, nullable = true, description = "Why it is withheld; null when shown")
                    SuppressionReason reason) {

        static Count of(long count) {
            return Suppression.isSmall(count) ? withheld(SuppressionReason.SMALL_COUNT) : new Count(count, false, null);
        }

        static Count withheld(SuppressionReason reason) {
            return new Count(null, true, reason);
        }
    }

    /**
     * A share (a fraction from 0 to 1, four decimals) or a statistic (a median, one decimal); no value and not
     * suppressed when there is nothing to compute it from (a share of 0 episodes, a median of no entries).
     */
    @Schema(
            description = "A share as a fraction from 0 to 1 (0.6 is 60%), or a statistic such as a median; withheld,"
                    + " value is null, suppressed true and reason says why. Null and not suppressed when there is"
                    + " nothing to compute it from.",
            example = "{\"value\": 0.6154, \"suppressed\": false, \"reason\": null}")
    @JsonbNillable
    public record Measure(
            @Schema(
                            required = true,
                            nullable = true,
                            description = "The share or statistic; null when withheld or when there is nothing to"
                                    + " compute it from")
                    BigDecimal value,
            @Schema(required = true) boolean suppressed,
            @Schema(required = true, nullable = true, description = "Why it is withheld; null when shown")
                    SuppressionReason reason) {

        static final Measure NONE = new Measure(null, false, null);

        static Measure share(Share share) {
            if (share.whole() == 0) {
                return NONE;
            }
            return Suppression.isSuppressed(share) ? withheld(SuppressionReason.SMALL_BASE) : shown(share.fraction());
        }

        static Measure statistic(Double value, long over) {
            if (value == null) {
                return NONE;
            }
            return Suppression.isSmall(over)
                    ? withheld(SuppressionReason.SMALL_BASE)
                    : shown(BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP));
        }

        static Measure shown(BigDecimal value) {
            return new Measure(value, false, null);
        }

        static Measure withheld(SuppressionReason reason) {
            return new Measure(null, true, reason);
        }
    }

    /** What the report covers. */
    public record Scope(
            @Schema(required = true) List<String> programs,
            @Schema(description = "The counselor it is narrowed to, or null") String counselor,
            @Schema(required = true, description = "Whether it is the reader's own caseload") boolean mine,
            @Schema(required = true) LocalDate from,
            @Schema(required = true) LocalDate to,
            @Schema(
                            required = true,
                            description = "The last day counted: the range's end, or the day the figures were"
                                    + " counted when the range ends after it")
                    LocalDate countedUpTo) {}

    /** The headline figures. */
    public record Summary(
            @Schema(required = true) Count episodesOpened,
            @Schema(required = true, description = "Loved ones who entered treatment of the episodes opened")
                    Entry enteredTreatment,
            @Schema(required = true, description = "The range CRAFT trials reported, for comparison")
                    Range craftTrialsEntryRange,
            @Schema(required = true, description = "Median days from intake to entry") Measure medianDaysToEntry,
            @Schema(required = true, description = "Share of entrants still in treatment at 30 days")
                    Measure stillInTreatmentAt30Days,
            @Schema(required = true) Measure stillInTreatmentAt90Days,
            @Schema(required = true) Count naloxoneKits,
            @Schema(required = true, description = "Share of family sessions missed (no-show)") Measure noShows,
            @Schema(required = true, description = "Share cancelled by the family under 24 hours") Measure lateCancels,
            @Schema(required = true) Measure medianSessionsBeforeEntry,
            @Schema(
                            required = true,
                            description = "Median days from intake to entry read off the time-to-entry curve (the"
                                    + " step where half of those followed had entered); null and not suppressed"
                                    + " when the curve is not shown or never comes down to half")
                    Measure medianTimeToEntryOnCurve) {}

    /** Entry into treatment: of how many opened, how many entered, and the share. */
    public record Entry(
            @Schema(required = true) Count opened,
            @Schema(required = true) Count entered,
            @Schema(required = true) Measure share) {}

    /** A range of shares, from 0 to 1. */
    public record Range(@Schema(required = true) BigDecimal low, @Schema(required = true) BigDecimal high) {}

    /** One intake month. */
    public record Cohort(
            @Schema(required = true, description = "yyyy-mm", example = "2026-03") String month,
            @Schema(required = true) Entry entry) {}

    /** One step of the time-to-entry curve, dated by its last day. */
    public record CurveStep(
            @Schema(required = true, description = "Days since intake") int day,
            @Schema(required = true) long followed,
            @Schema(required = true) long entered,
            @Schema(required = true) long censored,
            @Schema(required = true, description = "Share not yet in treatment after the step, from 0 to 1")
                    BigDecimal notYetInTreatment) {}

    /** How many times something was counted (a refusal reason, a level of care...). */
    public record Times<K extends Enum<K>>(@Schema(required = true) K item, @Schema(required = true) Count times) {}

    /** The path from "yes" to treatment (issue 24), de-identified as the rest. */
    public record TreatmentPathFigures(
            @Schema(required = true, description = "Referrals made in the range") Count referralsMade,
            @Schema(required = true, description = "Of them, arrived at the provider by the last day counted")
                    Count arrived,
            @Schema(required = true, description = "Arrived of the referrals made") Measure arrivedShare,
            @Schema(required = true, description = "Median days from the accepted offer to arrival")
                    Measure medianDaysToArrival,
            @Schema(required = true, description = "Of them, did not arrive") Count didNotArrive,
            @Schema(required = true, description = "Share with a ready plan when the offer was accepted")
                    Measure readyPlanAtAcceptance,
            @Schema(required = true, description = "Referrals that did not arrive, by coded reason")
                    List<ReasonCount> lostByReason,
            @Schema(required = true, description = "Arrivals through a referral in the range, by provider")
                    List<ProviderCount> arrivalsByProvider,
            @Schema(required = true, description = "Treatment offers made within 14 days after a critical event")
                    Count offersAfterCriticalEvent,
            @Schema(required = true, description = "Share of those offers accepted")
                    Measure acceptedAfterCriticalEvent) {}

    /** Community resources given to the families in the range (issue 25), de-identified as the rest. */
    public record ResourcesGivenFigures(
            @Schema(required = true, description = "Resources given (one per resource and person given to)")
                    Count given,
            @Schema(required = true, description = "Families given at least one") Count families,
            @Schema(required = true, description = "Resources given, by kind of resource")
                    List<Times<ResourceKind>> byKind) {}

    /** The family members' PHQ-9 and GAD-7 (issue 25), de-identified as the rest. */
    public record FamilyWellbeingFigures(
            @Schema(required = true, description = "Participating members with a measure taken in the range")
                    Count membersMeasured,
            @Schema(required = true, description = "Per questionnaire (PHQ9, GAD7), the paired change")
                    List<WellbeingChangeFigures> changes) {}

    /** One questionnaire's paired change from intake to about 90 days. */
    public record WellbeingChangeFigures(
            @Schema(required = true, description = "PHQ9 or GAD7", example = "PHQ9") String instrument,
            @Schema(required = true, description = "Members with an intake measure and one about 90 days later")
                    Count pairs,
            @Schema(required = true, description = "Mean change of the total, later minus intake (below 0 is better)")
                    Measure meanChange,
            @Schema(required = true, description = "Share of the pairs improved by 5 points or more")
                    Measure improvedShare,
            @Schema(required = true, description = "Share of the pairs worse by 5 points or more")
                    Measure worsenedShare) {}

    /** How many referrals ended "did not arrive" for one coded reason. */
    public record ReasonCount(
            @Schema(required = true, description = "The reason's code, e.g. NO_TRANSPORT", example = "NO_TRANSPORT")
                    String reason,
            @Schema(required = true) Count referrals) {}

    /** Arrivals at one provider of the directory. */
    public record ProviderCount(
            @Schema(required = true) long providerId,
            @Schema(required = true) String provider,
            @Schema(required = true) Count arrivals) {}

    /** A group's attendance. */
    public record GroupAttendanceFigures(
            @Schema(required = true) String group,
            @Schema(required = true) long meetings,
            @Schema(required = true, description = "Share of the expected attendances kept") Measure attended,
            @Schema(required = true) Count excused) {}

    /** A group's waitlist. */
    public record Waitlist(@Schema(required = true) String group, @Schema(required = true) Count waiting) {}

    /** A counselor's caseload. */
    public record Caseload(
            @Schema(required = true) String counselor,
            @Schema(required = true) Count activeFamilies,
            @Schema(required = true) Count sessionsHeld,
            @Schema(required = true) Count overdueNotes,
            @Schema(required = true) Count overdueFollowUps,
            @Schema(required = true, description = "Active families without contact for 30 days")
                    Count withoutContactFor30Days) {}

    /** A counselor's MI fidelity; a score is null when nothing was coded for it. */
    public record Fidelity(
            @Schema(required = true) String counselor,
            @Schema(required = true) long reviews,
            BigDecimal technical,
            MitiBand technicalBand,
            BigDecimal relational,
            MitiBand relationalBand,
            @Schema(description = "Reflection-to-question ratio") BigDecimal reflectionToQuestion,
            MitiBand reflectionToQuestionBand,
            @Schema(description = "Share of complex reflections, from 0 to 1") BigDecimal complexReflections,
            MitiBand complexReflectionsBand) {}

    /** The report's figures, withheld where the exports withhold them. */
    public static ReportFigures of(ProgramReport report) {
        ReportTables.Withheld withheld = ReportTables.withheld(report);
        Share overall = report.enteredOverall();
        Entry entered = new Entry(
                withheld.totalOpened() ? withheldCount(overall.whole()) : Count.of(overall.whole()),
                withheld.totalEntered() ? withheldPart(overall) : new Count(overall.part(), false, null),
                withheld.totalEntered() || withheld.totalOpened() ? withheldShare(overall) : Measure.share(overall));
        Summary summary = new Summary(
                withheld.totalOpened() ? withheldCount(report.episodesOpened()) : Count.of(report.episodesOpened()),
                entered,
                new Range(new BigDecimal("0.586"), new BigDecimal("0.74")),
                Measure.statistic(
                        report.daysToEntry().medianDays(), report.daysToEntry().entered()),
                Measure.share(report.retention().at30()),
                Measure.share(report.retention().at90()),
                Count.of(report.naloxoneKits()),
                Measure.share(report.sessionAttendance().noShows()),
                Measure.share(report.sessionAttendance().lateCancels()),
                Measure.statistic(
                        report.sessionsBeforeEntry().median(),
                        report.sessionsBeforeEntry().entrants()),
                report.medianTimeToEntry() == null
                        ? Measure.NONE
                        : Measure.shown(BigDecimal.valueOf(report.medianTimeToEntry())));
        List<Cohort> cohorts = new ArrayList<>();
        for (int i = 0; i < report.entryByCohort().size(); i++) {
            EntryCohort c = report.entryByCohort().get(i);
            Share share = c.entered();
            boolean enteredWithheld = withheld.entered().contains(i);
            cohorts.add(new Cohort(
                    c.month().toString(),
                    new Entry(
                            withheld.opened().contains(i) ? withheldCount(share.whole()) : Count.of(share.whole()),
                            enteredWithheld ? withheldPart(share) : new Count(share.part(), false, null),
                            enteredWithheld ? withheldShare(share) : Measure.share(share))));
        }
        return new ReportFigures(
                new Scope(
                        report.programNames(),
                        report.counselorName(),
                        report.mine(),
                        report.from(),
                        report.to(),
                        report.countedUpTo()),
                summary,
                cohorts,
                ReportTables.curve(report).stream()
                        .map(p -> new CurveStep(
                                p.day(),
                                p.atRisk(),
                                p.entered(),
                                p.censored(),
                                BigDecimal.valueOf(p.notEnteredYet()).setScale(4, RoundingMode.HALF_UP)))
                        .toList(),
                times(report.refusalReasons()),
                times(report.levelsOfCare()),
                times(report.criticalEvents()),
                times(report.sessionsHeld()),
                report.groupAttendance().stream()
                        .map(g -> new GroupAttendanceFigures(
                                g.groupName(), g.meetings(), Measure.share(g.attended()), Count.of(g.excused())))
                        .toList(),
                report.waitlists().stream()
                        .filter(w -> w.waiting() > 0)
                        .map(w -> new Waitlist(w.groupName(), Count.of(w.waiting())))
                        .toList(),
                times(report.craftProcedures()),
                report.caseloads().stream()
                        .map(c -> new Caseload(
                                c.displayName(),
                                Count.of(c.activeFamilies()),
                                Count.of(c.sessionsHeld()),
                                Count.of(c.overdueNotes()),
                                Count.of(c.overdueFollowUps()),
                                Count.of(c.withoutContact())))
                        .toList(),
                report.fidelity().stream()
                        .map(m -> new Fidelity(
                                m.displayName(),
                                m.reviews(),
                                m.technical(),
                                m.technicalBand(),
                                m.relational(),
                                m.relationalBand(),
                                m.reflectionToQuestion(),
                                m.reflectionToQuestionBand(),
                                m.percentComplexReflections(),
                                m.percentComplexReflectionsBand()))
                        .toList(),
                treatmentPath(report.treatmentPath()),
                new ResourcesGivenFigures(
                        Count.of(report.resourcesGiven().given()),
                        Count.of(report.resourcesGiven().families()),
                        times(report.resourcesGiven().byKind())),
                new FamilyWellbeingFigures(
                        Count.of(report.familyWellbeing().membersMeasured()),
                        java.util.stream.Stream.of("PHQ9", "GAD7")
                                .map(report.familyWellbeing()::change)
                                .map(c -> new WellbeingChangeFigures(
                                        c.instrument(),
                                        Count.of(c.pairs()),
                                        Measure.statistic(c.meanChange(), c.pairs()),
                                        Measure.share(c.improvedShare()),
                                        Measure.share(c.worsenedShare())))
                                .toList()),
                report.asOf());
    }

    private static TreatmentPathFigures treatmentPath(TreatmentPath path) {
        ReferralOutcomes referrals = path.referrals();
        Share arrived = referrals.arrivedShare();
        return new TreatmentPathFigures(
                Count.of(referrals.started()),
                Suppression.isSuppressed(arrived) ? withheldPart(arrived) : new Count(arrived.part(), false, null),
                Measure.share(arrived),
                Measure.statistic(referrals.medianDaysToArrival(), referrals.arrived()),
                Count.of(referrals.lost()),
                Measure.share(referrals.readyShare()),
                path.lostByReason().stream()
                        .map(t -> new ReasonCount(t.code(), Count.of(t.count())))
                        .toList(),
                path.entriesByProvider().stream()
                        .map(p -> new ProviderCount(p.providerId(), p.providerName(), Count.of(p.arrivals())))
                        .toList(),
                Count.of(path.offersAfterCriticalEvent().whole()),
                Measure.share(path.offersAfterCriticalEvent()));
    }

    private static <K extends Enum<K>> List<Times<K>> times(List<Tally<K>> tallies) {
        return tallies.stream()
                .map(t -> new Times<>(t.item(), Count.of(t.count())))
                .toList();
    }

    /** A count withheld: as small when it is, else so that a small one cannot be worked out from a total. */
    private static Count withheldCount(long count) {
        return Count.withheld(Suppression.isSmall(count) ? SuppressionReason.SMALL_COUNT : SuppressionReason.SECONDARY);
    }

    private static Count withheldPart(Share share) {
        if (!Suppression.isSuppressed(share)) {
            return Count.withheld(SuppressionReason.SECONDARY);
        }
        return Count.withheld(
                Suppression.isSmall(share.part()) ? SuppressionReason.SMALL_COUNT : SuppressionReason.SMALL_BASE);
    }

    private static Measure withheldShare(Share share) {
        if (share.whole() == 0) {
            return Measure.NONE;
        }
        return Measure.withheld(
                Suppression.isSuppressed(share) ? SuppressionReason.SMALL_BASE : SuppressionReason.SECONDARY);
    }
}
