package org.hearth.report;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.hearth.appointments.AppointmentKind;
import org.hearth.engagement.CriticalEventKind;
import org.hearth.engagement.LevelOfCare;
import org.hearth.engagement.RefusalReason;
import org.hearth.notes.CraftProcedure;
import org.hearth.resources.ResourceKind;

/**
 * The figures of a program report whose records a reader can list, each with what its key names (a month, a
 * reason, a counselor...) and what kind of record the list holds. {@link #records} reads them through {@link
 * FigureLists}; a key that does not fit the figure is an {@link IllegalArgumentException}.
 */
public enum ReportFigure {
    EPISODES_OPENED("episode"),
    COHORT("episode"),
    COHORT_ENTERED("episode"),
    ENTERED_TREATMENT("episode"),
    RETAINED_30("episode"),
    RETAINED_90("episode"),
    REFUSAL_REASON("episode"),
    LEVEL_OF_CARE("episode"),
    CRITICAL_EVENT("episode"),
    NALOXONE_KITS("episode"),
    SESSIONS_HELD("session"),
    NO_SHOWS("session"),
    LATE_CANCELS("session"),
    GROUP_ATTENDANCE("attendance"),
    WAITLIST("enrollment"),
    CRAFT_PROCEDURE("note"),
    SESSIONS_BEFORE_ENTRY("session"),
    ACTIVE_FAMILIES("family"),
    COUNSELOR_SESSIONS("session"),
    OVERDUE_NOTES("session"),
    OVERDUE_FOLLOW_UPS("episode"),
    NO_CONTACT("family"),
    FIDELITY_REVIEWS("review"),
    REFERRALS_STARTED("referral"),
    REFERRALS_ARRIVED("referral"),
    REFERRALS_LOST("referral"),
    READY_AT_ACCEPTANCE("referral"),
    PROVIDER_ARRIVALS("referral"),
    OFFERS_AFTER_CRITICAL_EVENT("offer"),
    OFFERS_AFTER_CRITICAL_EVENT_ACCEPTED("offer"),
    // issue 25, resources
    RESOURCES_GIVEN("gift"),
    RESOURCES_GIVEN_KIND("gift"),
    // issue 25, wellbeing
    MEMBERS_MEASURED("member"),
    WELLBEING_PAIRS("member"),
    WELLBEING_IMPROVED("member"),
    WELLBEING_WORSENED("member");

    private final String recordKind;

    ReportFigure(String recordKind) {
        this.recordKind = recordKind;
    }

    /** What each listed record is: an episode, a session, a family... */
    public String recordKind() {
        return recordKind;
    }

    /** The records behind the figure for this key, in the scope. */
    List<Listed> records(FigureLists lists, ReportScope scope, String key) {
        return switch (this) {
            case EPISODES_OPENED -> lists.episodesOpened(scope);
            case COHORT -> lists.cohort(scope, month(key), false);
            case COHORT_ENTERED -> lists.cohort(scope, month(key), true);
            case ENTERED_TREATMENT -> lists.enteredTreatment(scope);
            case RETAINED_30 -> lists.retention(scope, 30, true);
            case RETAINED_90 -> lists.retention(scope, 90, true);
            case REFUSAL_REASON -> lists.refusals(scope, RefusalReason.valueOf(required(key)));
            case LEVEL_OF_CARE -> lists.entries(scope, LevelOfCare.valueOf(required(key)));
            case CRITICAL_EVENT -> lists.criticalEvents(scope, CriticalEventKind.valueOf(required(key)));
            case NALOXONE_KITS -> lists.naloxoneKits(scope);
            case SESSIONS_HELD -> lists.sessionsHeld(scope, AppointmentKind.valueOf(required(key)));
            case NO_SHOWS -> lists.expectedSessions(scope, SessionOutcome.NO_SHOW);
            case LATE_CANCELS -> lists.expectedSessions(scope, SessionOutcome.LATE_CANCEL);
            case GROUP_ATTENDANCE -> lists.groupAttendance(scope, id(key));
            case WAITLIST -> lists.waitlist(scope, id(key));
            case CRAFT_PROCEDURE -> lists.craftProcedure(scope, CraftProcedure.valueOf(required(key)));
            case SESSIONS_BEFORE_ENTRY -> lists.sessionsBeforeEntry(scope);
            case ACTIVE_FAMILIES -> lists.caseload(scope, id(key), CaseloadMeasure.ACTIVE_FAMILIES);
            case COUNSELOR_SESSIONS -> lists.caseload(scope, id(key), CaseloadMeasure.SESSIONS_HELD);
            case OVERDUE_NOTES -> lists.caseload(scope, id(key), CaseloadMeasure.OVERDUE_NOTES);
            case OVERDUE_FOLLOW_UPS -> lists.caseload(scope, id(key), CaseloadMeasure.OVERDUE_FOLLOW_UPS);
            case NO_CONTACT -> lists.caseload(scope, id(key), CaseloadMeasure.NO_CONTACT);
            case FIDELITY_REVIEWS -> lists.fidelityReviews(scope, id(key));
            case REFERRALS_STARTED -> lists.referrals(scope, "");
            case REFERRALS_ARRIVED -> lists.referrals(scope, " where arrived");
            case REFERRALS_LOST -> lists.referralsLost(scope, code(key));
            case READY_AT_ACCEPTANCE -> lists.referrals(scope, " where ready");
            case PROVIDER_ARRIVALS -> lists.providerArrivals(scope, id(key));
            case OFFERS_AFTER_CRITICAL_EVENT -> lists.offersAfterCriticalEvent(scope, false);
            case OFFERS_AFTER_CRITICAL_EVENT_ACCEPTED -> lists.offersAfterCriticalEvent(scope, true);
            case RESOURCES_GIVEN -> lists.resourcesGiven(scope, null);
            case RESOURCES_GIVEN_KIND -> lists.resourcesGiven(scope, ResourceKind.valueOf(required(key)));
            case MEMBERS_MEASURED -> lists.membersMeasured(scope);
            case WELLBEING_PAIRS -> lists.wellbeingPairs(scope, instrument(key), "");
            case WELLBEING_IMPROVED -> lists.wellbeingPairs(scope, instrument(key), " and change <= -5");
            case WELLBEING_WORSENED -> lists.wellbeingPairs(scope, instrument(key), " and change >= 5");
        };
    }

    private static String required(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("this figure's list needs a key");
        }
        return key;
    }

    /** A coded reason as the database holds it: capitals and underscores (a code this version does not know too). */
    private static String code(String key) {
        if (!required(key).matches("[A-Z][A-Z_]{0,31}")) {
            throw new IllegalArgumentException("a reason is a code such as NO_TRANSPORT");
        }
        return key;
    }

    /** A wellbeing questionnaire as the database names it. */
    private static String instrument(String key) {
        if (!"PHQ9".equals(required(key)) && !"GAD7".equals(key)) {
            throw new IllegalArgumentException("an instrument is PHQ9 or GAD7");
        }
        return key;
    }

    private static YearMonth month(String key) {
        try {
            return YearMonth.parse(required(key));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a month is written 2026-03", e);
        }
    }

    private static long id(String key) {
        try {
            return Long.parseLong(required(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an id is a number", e);
        }
    }
}
