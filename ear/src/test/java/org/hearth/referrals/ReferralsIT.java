package org.hearth.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.engagement.CriticalEventKind;
import org.hearth.engagement.EpisodeStatus;
import org.hearth.engagement.EpisodeView;
import org.hearth.engagement.Episodes;
import org.hearth.engagement.EventKind;
import org.hearth.engagement.LevelOfCare;
import org.hearth.engagement.NeedsAttention;
import org.hearth.engagement.NewEpisodeEvent;
import org.hearth.engagement.OfferResponse;
import org.hearth.engagement.OfferedBy;
import org.hearth.engagement.RefusalReason;
import org.hearth.engagement.StalledReferral;
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
import org.hearth.security.Refused;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.hearth.time.ClinicTime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Referrals in the real server and database: made only from an accepted offer, followed to arrival (the entry into
 * treatment at the referral's level) or to "did not arrive" (the episode back where it stood), stalled ones on top
 * of the attention lists, windows of opportunity after a critical event, versions, and who may do what.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class ReferralsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(ReferralsIT.class);
    }

    @Inject
    private Referrals referrals;

    @Inject
    private Episodes episodes;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String ana;
    private String ben;
    private String supervisor;
    private String desk;
    private long programId;
    private long episodeId;
    private long providerId;
    private LocalDate today;

    @BeforeEach
    void aFamilyOfAnaWithALovedOneRefusingAndAProviderInTheDirectory() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Referrals " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        desk = data.staff("desk-" + suffix, "front-desk");
        today = LocalDate.now(ClinicTime.zone());
        episodeId = newEpisode("Okafor", "J.", -100);
        providerId = provider("Riverside Recovery " + suffix);
    }

    @Test
    void aReferralIsMadeOnlyFromAnAcceptedOfferAndMovesTheLovedOneToPreparing() {
        long refused = lastEventId(record(offer(-3, OfferResponse.REFUSED)));
        Invalid notAccepted = assertThrows(
                Invalid.class,
                () -> asAna(() -> referrals.start(episodeId, new NewReferral(refused, providerId, null))));
        assertThat(notAccepted.getReasons())
                .extracting(Invalid.Reason::field, Invalid.Reason::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("offerEventId", "referral.offer.notAccepted"),
                        org.assertj.core.groups.Tuple.tuple("levelOfCare", "referral.level.required"));

        long accepted = lastEventId(record(offer(-1, OfferResponse.ACCEPTED)));
        assertThat(asAna(() -> referrals.ofEpisode(episodeId)).offersToRefer())
                .extracting(EpisodeReferrals.AcceptedOffer::eventId)
                .containsExactly(accepted);
        sql().update(
                        "insert into ready_plan (episode_id, proposed_level, ready_since, created_by, created_at,"
                                + " updated_by, updated_at) values (cast(? as bigint), 'RESIDENTIAL', now(), ?, now(), ?, now())",
                        Long.toString(episodeId),
                        ana,
                        ana);

        ReferralView made = asAna(() -> referrals.start(episodeId, new NewReferral(accepted, providerId, null)));

        assertThat(made.levelOfCare()).as("the plan's proposed level").isEqualTo(LevelOfCare.RESIDENTIAL);
        assertThat(made.planReadyAtAcceptance()).isTrue();
        assertThat(made.statusBefore()).isEqualTo(EpisodeStatus.REFUSING);
        assertThat(made.acceptedOn()).isEqualTo(day(-1));
        assertThat(made.outcome()).isEqualTo(ReferralOutcome.OPEN);
        assertThat(made.nextStep()).isEqualTo(ReferralStepKind.PROVIDER_CONTACTED);
        assertThat(made.stalled()).isNull();
        assertThat(asAna(() -> episodes.read(episodeId)).status()).isEqualTo(EpisodeStatus.PREPARING);
        assertThat(asAna(() -> referrals.ofEpisode(episodeId)).offersToRefer())
                .as("referred")
                .isEmpty();

        long again = lastEventId(record(offer(0, OfferResponse.ACCEPTED)));
        Conflict oneOpen = assertThrows(
                Conflict.class,
                () -> asAna(() -> referrals.start(episodeId, new NewReferral(again, providerId, null))));
        assertThat(oneOpen.getSubject()).isEqualTo(Conflict.Subject.LOCKED);
        assertThat(oneOpen.getMessage()).contains("already has an open referral");
        assertThat(count("select count(*) from referral where episode_id = cast(? as bigint)", episodeId))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'START_REFERRAL' and family_id ="
                                + " (select family_id from engagement_episode where id = cast(? as bigint))",
                        episodeId))
                .isEqualTo(1);
    }

    @Test
    void arrivalRecordsTheEntryIntoTreatmentAtTheReferralsLevelOnTheArrivalDay() {
        ReferralView made = referred(LevelOfCare.INTENSIVE_OUTPATIENT);
        ReferralView contacted = step(made, ReferralStepKind.PROVIDER_CONTACTED, 0, null, null);
        Invalid noIntake =
                assertThrows(Invalid.class, () -> step(contacted, ReferralStepKind.INTAKE_BOOKED, 0, null, null));
        assertThat(noIntake.getReasons()).extracting(Invalid.Reason::field).containsExactly("intakeAt");
        Invalid future =
                assertThrows(Invalid.class, () -> step(contacted, ReferralStepKind.WARM_HANDOFF, 1, null, null));
        assertThat(future.getReasons()).extracting(Invalid.Reason::messageKey).containsExactly("referral.step.future");
        Invalid early =
                assertThrows(Invalid.class, () -> step(contacted, ReferralStepKind.WARM_HANDOFF, -5, null, null));
        assertThat(early.getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("referral.step.beforeAccepted");
        LocalDateTime intake = day(1).atTime(LocalTime.of(10, 0));
        ReferralView booked = step(contacted, ReferralStepKind.INTAKE_BOOKED, 0, intake, null);
        assertThat(booked.intakeAt()).isEqualTo(intake);
        assertThat(booked.nextStep()).isEqualTo(ReferralStepKind.WARM_HANDOFF);

        Conflict stale =
                assertThrows(Conflict.class, () -> step(contacted, ReferralStepKind.WARM_HANDOFF, 0, null, null));
        assertThat(stale.getRecord()).isEqualTo("referral");

        ReferralView arrived = step(booked, ReferralStepKind.ARRIVED, 0, null, null);

        assertThat(arrived.outcome()).isEqualTo(ReferralOutcome.ARRIVED);
        assertThat(arrived.outcomeOn()).isEqualTo(today);
        assertThat(arrived.steps())
                .extracting(ReferralView.Step::kind)
                .containsExactly(
                        ReferralStepKind.PROVIDER_CONTACTED, ReferralStepKind.INTAKE_BOOKED, ReferralStepKind.ARRIVED);
        EpisodeView episode = asAna(() -> episodes.read(episodeId));
        assertThat(episode.status()).isEqualTo(EpisodeStatus.ENTERED_TREATMENT);
        assertThat(episode.events())
                .filteredOn(e -> e.kind() == EventKind.STATUS_CHANGE && e.toStatus() == EpisodeStatus.ENTERED_TREATMENT)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.levelOfCare()).isEqualTo(LevelOfCare.INTENSIVE_OUTPATIENT);
                    assertThat(e.on()).isEqualTo(today);
                    assertThat(e.provider()).startsWith("Riverside Recovery");
                });
        Invalid closed =
                assertThrows(Invalid.class, () -> step(arrived, ReferralStepKind.TRANSPORT_CONFIRMED, 0, null, null));
        assertThat(closed.getReasons()).extracting(Invalid.Reason::messageKey).containsExactly("referral.step.closed");
    }

    @Test
    void didNotArriveReturnsTheLovedOneToWhereTheyStoodAndKeepsTheReferralInTheHistory() {
        record(move(-10, EpisodeStatus.AMBIVALENT));
        ReferralView made = referred(LevelOfCare.WITHDRAWAL_MANAGEMENT);
        assertThat(made.statusBefore()).isEqualTo(EpisodeStatus.AMBIVALENT);
        Invalid noReason =
                assertThrows(Invalid.class, () -> step(made, ReferralStepKind.DID_NOT_ARRIVE, 0, null, null));
        assertThat(noReason.getReasons()).extracting(Invalid.Reason::field).containsExactly("reason");

        ReferralView lost = step(made, ReferralStepKind.DID_NOT_ARRIVE, 0, null, NotArrivedReason.NO_TRANSPORT);

        assertThat(lost.outcome()).isEqualTo(ReferralOutcome.NOT_ARRIVED);
        assertThat(lost.notArrivedReason()).isEqualTo(NotArrivedReason.NO_TRANSPORT);
        assertThat(asAna(() -> episodes.read(episodeId)).status()).isEqualTo(EpisodeStatus.AMBIVALENT);
        EpisodeReferrals history = asAna(() -> referrals.ofEpisode(episodeId));
        assertThat(history.referrals()).extracting(ReferralView::id).containsExactly(made.id());
        // a new yes can be referred again
        long second = lastEventId(record(offer(0, OfferResponse.ACCEPTED)));
        ReferralView next =
                asAna(() -> referrals.start(episodeId, new NewReferral(second, providerId, LevelOfCare.OUTPATIENT)));
        assertThat(asAna(() -> referrals.ofEpisode(episodeId)).referrals())
                .extracting(ReferralView::id)
                .containsExactly(next.id(), made.id());
    }

    @Test
    void stalledReferralsComeFirstOnTheCounselorsAndTheSupervisorsAttentionLists() {
        long risky = newEpisode("Adams", "Z.", -40);
        asAna(() -> episodes.record(risky, critical(-10, CriticalEventKind.NON_FATAL_OVERDOSE)));
        long waiting = newEpisode("Baker", "Q.", -40);
        long missed = newEpisode("Chen", "W.", -40);
        ReferralView quiet = referred(LevelOfCare.OUTPATIENT);
        referredOn(waiting, LevelOfCare.OUTPATIENT);
        ReferralView intake = referredOn(missed, LevelOfCare.OUTPATIENT);
        // the referral of Okafor has had no step for 25 hours; Chen's intake was an hour ago
        sql().update(
                        "update referral set started_at = now() - interval '25 hours', last_step_at = now() - interval '25 hours'"
                                + " where id = cast(? as bigint)",
                        Long.toString(quiet.id()));
        sql().update(
                        "update referral set intake_at = now() - interval '1 hour' where id = cast(? as bigint)",
                        Long.toString(intake.id()));

        List<NeedsAttention> mine = asAna(() -> episodes.needingAttention(Episodes.Scope.MINE, 0, 20));

        assertThat(mine)
                .extracting(NeedsAttention::episodeId)
                .as("both stalled referrals, then the high risk; Baker's fresh referral is not on the list")
                .startsWith(episodeId, missed)
                .contains(risky)
                .doesNotContain(waiting);
        assertThat(mine.get(0).stalledReferral().reason()).isEqualTo(StalledReferral.Reason.NO_STEP);
        assertThat(mine.get(1).stalledReferral().reason()).isEqualTo(StalledReferral.Reason.INTAKE_PASSED);
        assertThat(RunAs.user(
                        supervisor,
                        Set.of("supervisor"),
                        () -> episodes.needingAttention(Episodes.Scope.PROGRAMS, 0, 20)))
                .extracting(NeedsAttention::episodeId)
                .startsWith(episodeId, missed);
        assertThat(asAna(() -> episodes.countNeedingAttention(Episodes.Scope.MINE)))
                .isEqualTo(mine.size());

        step(quiet, ReferralStepKind.PROVIDER_CONTACTED, 0, null, null);
        assertThat(asAna(() -> episodes.needingAttention(Episodes.Scope.MINE, 0, 20)))
                .extracting(NeedsAttention::episodeId)
                .as("a step today: no longer stalled")
                .doesNotContain(episodeId);
    }

    @Test
    void aCriticalEventOpensAWindowWithAFollowUpWithinThreeDaysUntilAnOfferIsMade() {
        EpisodeView after = record(critical(-1, CriticalEventKind.HOSPITAL_STAY));

        assertThat(after.nextFollowUpOn()).as("the event's day + 3").isEqualTo(day(2));
        EpisodeReferrals window = asAna(() -> referrals.ofEpisode(episodeId));
        assertThat(window.windowOpenUntil()).isEqualTo(day(2));
        assertThat(window.windowEvent()).isEqualTo(CriticalEventKind.HOSPITAL_STAY);
        assertThat(window.windowEventOn()).isEqualTo(day(-1));
        assertThat(asAna(() -> episodes.needingAttention(Episodes.Scope.MINE, 0, 20)))
                .filteredOn(n -> n.episodeId() == episodeId)
                .singleElement()
                .satisfies(n -> assertThat(n.windowOpenUntil()).isEqualTo(day(2)));

        record(offer(0, OfferResponse.REFUSED));

        assertThat(asAna(() -> referrals.ofEpisode(episodeId)).windowOpenUntil())
                .as("the offer used the window")
                .isNull();
        assertThat(count(
                        "select count(*) from engagement_episode where id = cast(? as bigint) and window_open_until is null",
                        episodeId))
                .isEqualTo(1);
    }

    @Test
    void aCriticalEventRecordedLateIsFollowedUpTodayAndOpensNoWindowThatHasPassed() {
        EpisodeView late = record(critical(-6, CriticalEventKind.JOB_LOSS));

        assertThat(late.nextFollowUpOn()).isEqualTo(today);
        assertThat(asAna(() -> referrals.ofEpisode(episodeId)).windowOpenUntil())
                .isNull();
    }

    @Test
    void voidingTheCriticalEventClosesTheWindowItOpened() {
        EpisodeView after = record(critical(0, CriticalEventKind.ARREST_OR_LEGAL));
        assertThat(asAna(() -> referrals.ofEpisode(episodeId)).windowOpenUntil())
                .isEqualTo(day(3));

        asAna(() -> episodes.voidEvent(episodeId, lastEventId(after), "Another family's news", after.version()));

        assertThat(asAna(() -> referrals.ofEpisode(episodeId)).windowOpenUntil())
                .isNull();
    }

    @Test
    void thePickerOffersThePlansShortlistFirstThenTheDirectoryByNameAndNoRetiredEntry() {
        long shortlisted = provider("Zephyr House " + UUID.randomUUID());
        long retired = provider("Riverside Old " + UUID.randomUUID());
        sql().update(
                        "update treatment_provider set active = false where id = cast(? as bigint)",
                        Long.toString(retired));
        sql().update(
                        "insert into ready_plan (episode_id, created_by, created_at, updated_by, updated_at)"
                                + " values (cast(? as bigint), ?, now(), ?, now())",
                        Long.toString(episodeId),
                        ana,
                        ana);
        sql().update(
                        "insert into plan_provider (plan_id, provider_id, position) select id, cast(? as bigint), 0"
                                + " from ready_plan where episode_id = cast(? as bigint)",
                        Long.toString(shortlisted),
                        Long.toString(episodeId));

        List<ProviderChoice> choices = asAna(() -> referrals.providerChoices(episodeId, "riverside"));

        assertThat(choices.get(0).id()).isEqualTo(shortlisted);
        assertThat(choices.get(0).onShortlist()).isTrue();
        assertThat(choices).extracting(ProviderChoice::id).contains(providerId).doesNotContain(retired);
        assertThat(choices)
                .filteredOn(c -> !c.onShortlist())
                .allSatisfy(c -> assertThat(c.name().toLowerCase()).contains("riverside"));
    }

    @Test
    void onlyTheFamilysCounselorsChangeAReferralTheProgramsSupervisorsReadAndOthersAreRefusedAndAudited() {
        ReferralView made = referred(LevelOfCare.OUTPATIENT);

        assertThrows(Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> referrals.read(made.id())));
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        ben,
                        Set.of("counselor"),
                        () -> referrals.recordStep(
                                made.id(),
                                new NewReferralStep(
                                        ReferralStepKind.PROVIDER_CONTACTED,
                                        today,
                                        null,
                                        null,
                                        null,
                                        null,
                                        made.version()))));
        assertThat(count("select count(*) from audit_entry where username = ? and outcome = 'DENIED'", ben))
                .isEqualTo(2);
        assertThat(RunAs.user(supervisor, Set.of("supervisor"), () -> referrals.read(made.id()))
                        .id())
                .isEqualTo(made.id());
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(
                        supervisor,
                        Set.of("supervisor"),
                        () -> referrals.recordStep(
                                made.id(),
                                new NewReferralStep(
                                        ReferralStepKind.PROVIDER_CONTACTED,
                                        today,
                                        null,
                                        null,
                                        null,
                                        null,
                                        made.version()))));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(desk, Set.of("front-desk"), () -> referrals.ofEpisode(episodeId)));
        assertThrows(NotFound.class, () -> asAna(() -> referrals.read(-7L)));
        assertThat(count("select count(*) from referral_step where referral_id = cast(? as bigint)", made.id()))
                .isZero();
    }

    private ReferralView referred(LevelOfCare level) {
        return referredOn(episodeId, level);
    }

    private ReferralView referredOn(long episode, LevelOfCare level) {
        long accepted = lastEventId(asAna(() -> episodes.record(episode, offer(0, OfferResponse.ACCEPTED))));
        return asAna(() -> referrals.start(episode, new NewReferral(accepted, providerId, level)));
    }

    private ReferralView step(
            ReferralView referral, ReferralStepKind kind, int days, LocalDateTime intakeAt, NotArrivedReason reason) {
        return asAna(() -> referrals.recordStep(
                referral.id(), new NewReferralStep(kind, day(days), null, intakeAt, reason, null, referral.version())));
    }

    private long provider(String name) {
        return Long.parseLong(sql().query(
                        "insert into treatment_provider (name, phone, city, confirmed_on, created_by, created_at,"
                                + " updated_by, updated_at) values (?, '555-0100', 'Springfield', current_date, 'test',"
                                + " now(), 'test', now()) returning id",
                        name)
                .get(0)
                .get(0));
    }

    private static long lastEventId(EpisodeView episode) {
        return episode.events().get(0).id();
    }

    private long count(String query, Object parameter) {
        return Long.parseLong(sql().query(query, parameter.toString()).get(0).get(0));
    }

    /** A family of Ana's with one member and a loved one refusing since {@code opened} days from today: its episode. */
    private long newEpisode(String familyName, String alias, int opened) {
        FamilyContact family = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        familyName,
                        programId,
                        "en",
                        ReferralSource.SELF,
                        null,
                        List.of(new NewFamilyMember(
                                "Grace " + familyName,
                                null,
                                45,
                                Relationship.PARENT,
                                null,
                                null,
                                "en",
                                false,
                                false,
                                true)))));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(family.id(), ana, null));
        String f = Long.toString(family.id());
        sql().update(
                        "insert into intake (family_id, started_by, started_at, updated_by, updated_at, completed_by,"
                                + " completed_at) values (cast(? as bigint), ?, now(), ?, now(), ?, now())",
                        f,
                        ana,
                        ana,
                        ana);
        sql().update(
                        "insert into loved_one (family_id, position, alias, relationship, stage_of_change)"
                                + " values (cast(? as bigint), 0, ?, 'SON_OR_DAUGHTER', 'PRECONTEMPLATION')",
                        f,
                        alias);
        sql().update(
                        "insert into engagement_episode (family_id, loved_one_id, status, opened_by, opened_at,"
                                + " next_follow_up_on, last_event_on) select cast(? as bigint), l.id, 'REFUSING', ?,"
                                + " cast(? as date) + time '12:00' at time zone 'America/New_York', cast(? as date) + 14,"
                                + " current_date from loved_one l where l.family_id = cast(? as bigint)",
                        f,
                        ana,
                        day(opened).toString(),
                        day(opened).toString(),
                        f);
        return Long.parseLong(sql().query("select id from engagement_episode where family_id = cast(? as bigint)", f)
                .get(0)
                .get(0));
    }

    private EpisodeView record(NewEpisodeEvent event) {
        return asAna(() -> episodes.record(episodeId, event));
    }

    private NewEpisodeEvent offer(int days, OfferResponse response) {
        return new NewEpisodeEvent(
                EventKind.TREATMENT_OFFERED,
                day(days),
                null,
                null,
                null,
                OfferedBy.FAMILY_INVITATION,
                null,
                response,
                response == OfferResponse.REFUSED ? Set.of(RefusalReason.FEAR_OF_WITHDRAWAL) : Set.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private NewEpisodeEvent move(int days, EpisodeStatus to) {
        return new NewEpisodeEvent(
                EventKind.STATUS_CHANGE,
                day(days),
                to,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private NewEpisodeEvent critical(int days, CriticalEventKind kind) {
        return new NewEpisodeEvent(
                EventKind.CRITICAL_EVENT,
                day(days),
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                null,
                kind,
                null,
                null,
                null,
                null,
                null);
    }

    private LocalDate day(int offset) {
        return today.plusDays(offset);
    }

    private <T> T asAna(Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
