package org.hearth.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.family.StageOfChange;
import org.hearth.family.Substance;
import org.hearth.security.Invalid;
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
import org.wildfly.security.auth.server.SecurityDomain;

/**
 * A loved one's episode in the real server and database: a story from refusal to retention recorded as a
 * counselor would, the derived figures, illegal moves named, risk alerts, voiding, append-only in the
 * database, concurrent events both kept, and who may do what.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class EpisodesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(EpisodesIT.class);
    }

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
    private long episodeId;
    private long memberId;
    private long programId;
    private LocalDate today;

    @BeforeEach
    void aFamilyOfAnaWithALovedOneRefusingSince100DaysAgo() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Episodes " + suffix;
        TestData data = new TestData(sql());
        long programId = data.program(program);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        desk = data.staff("desk-" + suffix, "front-desk");
        today = LocalDate.now(ClinicTime.zone());
        this.programId = programId;
        episodeId = newEpisode("Okafor", "J.", -100);
        memberId = Long.parseLong(sql().query(
                        "select m.id from family_member m join engagement_episode e on e.family_id = m.family_id"
                                + " where e.id = cast(? as bigint)",
                        Long.toString(episodeId))
                .get(0)
                .get(0));
    }

    /** A family of Ana's with one member and a loved one refusing since {@code openedDaysAgo}: its episode. */
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
                                + " completed_at, fentanyl, naloxone_in_home) values (cast(? as bigint), ?, now(), ?, now(), ?, now(), true, false)",
                        f,
                        ana,
                        ana,
                        ana);
        sql().update(
                        "insert into loved_one (family_id, position, alias, relationship, stage_of_change, known_overdoses)"
                                + " values (cast(? as bigint), 0, ?, 'SON_OR_DAUGHTER', 'PRECONTEMPLATION', 2)",
                        f,
                        alias);
        sql().update(
                        "insert into loved_one_substance (loved_one_id, substance) select id, 'FENTANYL' from loved_one"
                                + " where family_id = cast(? as bigint)",
                        f);
        sql().update(
                        "insert into engagement_episode (family_id, loved_one_id, status, opened_by, opened_at,"
                                + " next_follow_up_on, last_event_on) select cast(? as bigint), l.id, 'REFUSING', ?,"
                                + " cast(? as date) + time '12:00' at time zone 'America/New_York', cast(? as date) + 14,"
                                + " cast(? as date) from loved_one l where l.family_id = cast(? as bigint)",
                        f,
                        ana,
                        day(opened).toString(),
                        day(opened).toString(),
                        day(opened).toString(),
                        f);
        return Long.parseLong(sql().query("select id from engagement_episode where family_id = cast(? as bigint)", f)
                .get(0)
                .get(0));
    }

    @Test
    void aStoryFromRefusalToRetentionGivesTheDerivedFiguresAndRaisesAndClearsRiskAlerts() {
        record(offer(-90, OfferResponse.REFUSED, Set.of(RefusalReason.FEAR_OF_WITHDRAWAL)));
        record(offer(-80, OfferResponse.REFUSED, Set.of(RefusalReason.STIGMA_OR_SHAME, RefusalReason.LOGISTICAL)));
        record(harm(-79, HarmReduction.NALOXONE_KIT_GIVEN));
        EpisodeView overdose = record(critical(-70, CriticalEventKind.NON_FATAL_OVERDOSE));
        assertThat(overdose.highRisk()).isEqualTo(RiskAlerts.RiskReason.NON_FATAL_OVERDOSE);
        assertThat(record(event(EventKind.RISK_ADDRESSED, -69)).highRisk()).isNull();
        record(move(-60, EpisodeStatus.AMBIVALENT, null));
        record(move(-50, EpisodeStatus.PREPARING, null));
        record(stage(-55, StageOfChange.CONTEMPLATION));
        EpisodeView entered = record(move(-40, EpisodeStatus.ENTERED_TREATMENT, LevelOfCare.WITHDRAWAL_MANAGEMENT));
        assertThat(entered.nextFollowUpOn()).as("the 30-day retention check").isEqualTo(day(-10));
        assertThat(entered.retentionChecks())
                .as("30 days after day -40 is past: due; the 90-day check is ahead")
                .containsExactly(
                        new FollowUp.RetentionCheck(EpisodeStatus.RETAINED_30, day(-10), FollowUp.CheckState.DUE),
                        new FollowUp.RetentionCheck(EpisodeStatus.RETAINED_90, day(50), FollowUp.CheckState.AHEAD));
        EpisodeView relapse = record(move(-35, EpisodeStatus.REFUSING, null));
        assertThat(relapse.highRisk())
                .as("back to refusing right after detox")
                .isEqualTo(RiskAlerts.RiskReason.RETURN_AFTER_DETOX);
        record(event(EventKind.RISK_ADDRESSED, -34));
        record(move(-30, EpisodeStatus.ENTERED_TREATMENT, LevelOfCare.OUTPATIENT));
        EpisodeView retained = record(move(0, EpisodeStatus.RETAINED_30, null));

        assertThat(retained.status()).isEqualTo(EpisodeStatus.RETAINED_30);
        assertThat(retained.daysSinceIntake()).isEqualTo(100);
        assertThat(retained.daysToTreatmentEntry())
                .as("from day -100 to the first entry on day -40")
                .isEqualTo(60);
        assertThat(retained.daysIn())
                .as("refusing 40 + 5, ambivalent 10, preparing 10, in treatment 5 + 30")
                .containsEntry(EpisodeStatus.REFUSING, 45L)
                .containsEntry(EpisodeStatus.AMBIVALENT, 10L)
                .containsEntry(EpisodeStatus.PREPARING, 10L)
                .containsEntry(EpisodeStatus.ENTERED_TREATMENT, 35L);
        assertThat(retained.nextFollowUpOn())
                .as("the 90-day check of the last entry")
                .isEqualTo(day(60));
        assertThat(retained.retentionChecks())
                .as("the checks of the last entry, on day -30")
                .containsExactly(
                        new FollowUp.RetentionCheck(EpisodeStatus.RETAINED_30, day(0), FollowUp.CheckState.DONE),
                        new FollowUp.RetentionCheck(EpisodeStatus.RETAINED_90, day(60), FollowUp.CheckState.AHEAD));
        assertThat(retained.stages())
                .as("the family's view at intake, then the counselor's observation")
                .containsExactly(
                        new EpisodeView.StagePoint(
                                day(-100), StageOfChange.PRECONTEMPLATION, EpisodeView.StageSource.INTAKE),
                        new EpisodeView.StagePoint(
                                day(-55), StageOfChange.CONTEMPLATION, EpisodeView.StageSource.OBSERVED));
        assertThat(retained.lovedOne())
                .isEqualTo(new EpisodeView.LovedOneFacts(List.of(Substance.FENTANYL), 2, List.of("fentanyl"), false));
        assertThat(retained.events())
                .filteredOn(e -> e.kind() == EventKind.HARM_REDUCTION)
                .singleElement()
                .satisfies(
                        kit -> assertThat(retained.memberName(kit.memberId())).isEqualTo("Grace Okafor"));
        assertThat(retained.events()).hasSize(13);
        assertThat(retained.events().get(0).toStatus()).as("newest first").isEqualTo(EpisodeStatus.RETAINED_30);

        Invalid illegal = assertThrows(Invalid.class, () -> record(move(0, EpisodeStatus.PREPARING, null)));
        assertThat(illegal.getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("episode.status.illegal");
        assertThat(illegal.getReasons().get(0).arguments().get(2))
                .as("the moves allowed from Retained 30 days")
                .contains("@EpisodeStatus.RETAINED_90")
                .contains("@EpisodeStatus.REFUSING")
                .doesNotContain("@EpisodeStatus.PREPARING");
        assertThat(assertThrows(Invalid.class, () -> record(event(EventKind.RISK_ADDRESSED, 0)))
                        .getReasons())
                .as("the page offers it only while a high risk stands; the service refuses it too")
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("episode.risk.none");
        Invalid noReason = assertThrows(Invalid.class, () -> record(offer(0, OfferResponse.REFUSED, Set.of())));
        assertThat(noReason.getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("episode.offer.reasons.required");
        assertThat(assertThrows(Invalid.class, () -> record(offer(1, OfferResponse.ACCEPTED, Set.of())))
                        .getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("episode.event.future");

        long otherEpisode = newEpisode("Adams", "Z.", -10);
        long otherMember = Long.parseLong(sql().query(
                        "select m.id from family_member m join engagement_episode e on e.family_id = m.family_id"
                                + " where e.id = cast(? as bigint)",
                        Long.toString(otherEpisode))
                .get(0)
                .get(0));
        NewEpisodeEvent kit = harm(0, HarmReduction.NALOXONE_KIT_GIVEN);
        NewEpisodeEvent kitToAnotherFamily = new NewEpisodeEvent(
                kit.kind(),
                kit.on(),
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                null,
                null,
                kit.harmReduction(),
                otherMember,
                null,
                null,
                null);
        assertThat(assertThrows(Invalid.class, () -> record(kitToAnotherFamily)).getReasons())
                .as("the form lists only this family's members; the service refuses another's too")
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("episode.member.notOfFamily");
    }

    @Test
    void aMistakenEventIsVoidedWithItsReasonAndStaysVisibleAndTheDatabaseKeepsEventsAsRecorded() {
        record(move(-60, EpisodeStatus.AMBIVALENT, null));
        record(move(-50, EpisodeStatus.PREPARING, null));
        record(move(-40, EpisodeStatus.ENTERED_TREATMENT, LevelOfCare.OUTPATIENT));
        EpisodeView retained = record(move(-10, EpisodeStatus.RETAINED_30, null));
        long retainedEvent = retained.events().get(0).id();
        long enteredEvent = retained.events().get(1).id();
        long ambivalentEvent = retained.events().get(3).id();

        assertThat(assertThrows(
                                Invalid.class,
                                () -> asAna(() ->
                                        episodes.voidEvent(episodeId, enteredEvent, "Wrong date", retained.version())))
                        .getReasons())
                .as("retained 30 days needs the entry before it")
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("episode.void.laterDepend");
        EpisodeView voided = asAna(() ->
                episodes.voidEvent(episodeId, retainedEvent, "Recorded on the wrong loved one", retained.version()));
        assertThat(voided.status()).isEqualTo(EpisodeStatus.ENTERED_TREATMENT);
        assertThat(voided.events().get(0).voided()).isTrue();
        assertThat(voided.events().get(0).voidReason()).isEqualTo("Recorded on the wrong loved one");
        assertThat(voided.events()).as("the voided event stays visible").hasSize(4);
        assertThat(assertThrows(
                                Invalid.class,
                                () -> asAna(
                                        () -> episodes.voidEvent(episodeId, retainedEvent, "Again", voided.version())))
                        .getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("episode.void.twice");

        String id = Long.toString(ambivalentEvent);
        assertThat(sql().refusal("update episode_event set note = 'changed' where id = " + id))
                .contains("cannot be changed");
        assertThat(sql().refusal("delete from episode_event where id = " + id)).contains("cannot be deleted");
        assertThat(sql().refusal("update episode_event set void_reason = 'again', voided_by = 'x', voided_at = now()"
                        + " where id = " + retainedEvent))
                .contains("cannot be changed");
    }

    @Test
    void onlyTheFamilysCounselorsRecordTheProgramsSupervisorsReadAndNobodyElseSeesIt() {
        assertThrows(Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> episodes.read(episodeId)));
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        ben,
                        Set.of("counselor"),
                        () -> episodes.record(episodeId, move(-1, EpisodeStatus.AMBIVALENT, null))));
        assertThat(RunAs.user(supervisor, Set.of("supervisor"), () -> episodes.read(episodeId))
                        .status())
                .isEqualTo(EpisodeStatus.REFUSING);
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(
                        supervisor,
                        Set.of("supervisor"),
                        () -> episodes.record(episodeId, move(-1, EpisodeStatus.AMBIVALENT, null))));
        assertThrows(
                EJBAccessException.class, () -> RunAs.user(desk, Set.of("front-desk"), () -> episodes.read(episodeId)));
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'READ_EPISODE' and username = ?",
                                supervisor))
                .isEqualTo(List.of(List.of("1")));
        assertThat(sql().query(
                                "select count(*) from episode_event where episode_id = cast(? as bigint)",
                                Long.toString(episodeId)))
                .isEqualTo(List.of(List.of("0")));
    }

    @Test
    void anOverdueFollowUpPutsTheEpisodeOnTheCounselorsAndTheSupervisorsAttentionListsUntilAnEvent() {
        List<NeedsAttention> mine = asAna(() -> episodes.needingAttention(Episodes.Scope.MINE, 0, 20));
        assertThat(mine)
                .filteredOn(n -> n.episodeId() == episodeId)
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.followUpOverdue()).isTrue();
                    assertThat(n.nextFollowUpOn()).isEqualTo(day(-86));
                    assertThat(n.quiet()).as("nothing recorded since day -100").isTrue();
                    assertThat(n.lovedOneAlias()).isEqualTo("J.");
                });
        assertThat(asAna(() -> episodes.countNeedingAttention(Episodes.Scope.MINE)))
                .isEqualTo(1);
        assertThat(RunAs.user(
                        supervisor,
                        Set.of("supervisor"),
                        () -> episodes.needingAttention(Episodes.Scope.PROGRAMS, 0, 20)))
                .extracting(NeedsAttention::episodeId)
                .containsExactly(episodeId);
        assertThat(RunAs.user(ben, Set.of("counselor"), () -> episodes.needingAttention(Episodes.Scope.MINE, 0, 20)))
                .as("not Ben's family")
                .isEmpty();
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        ben, Set.of("counselor"), () -> episodes.needingAttention(Episodes.Scope.PROGRAMS, 0, 20)));

        record(strategy(0, FamilyStrategy.CRAFT_INVITATION_REHEARSED));
        assertThat(asAna(() -> episodes.needingAttention(Episodes.Scope.MINE, 0, 20)))
                .as("followed up today: the next one is in 14 days")
                .isEmpty();
    }

    @Test
    void theAttentionListIsSortedByTheColumnTheReaderChoosesAndPagedInTheDatabase() {
        long adams = newEpisode("Adams", "Z.", -40);
        long zimmer = newEpisode("Zimmer", "A.", -20);
        asAna(() -> episodes.record(adams, critical(-5, CriticalEventKind.NON_FATAL_OVERDOSE)));
        asAna(() -> episodes.record(zimmer, move(-19, EpisodeStatus.AMBIVALENT, null)));
        // Okafor: follow-up due since day -86; Adams: high risk, follow-up day 9 (ahead); Zimmer: due since day -5
        sql().update(
                        "update engagement_episode set next_follow_up_on = cast(? as date) where id = cast(? as bigint)",
                        day(-5).toString(),
                        Long.toString(zimmer));

        assertThat(attention(Episodes.AttentionSort.PRIORITY, false, 0, 10))
                .as("high risk first, then the most overdue follow-up")
                .containsExactly(adams, episodeId, zimmer);
        assertThat(attention(Episodes.AttentionSort.FAMILY, false, 0, 10)).containsExactly(adams, episodeId, zimmer);
        assertThat(attention(Episodes.AttentionSort.FAMILY, true, 0, 10)).containsExactly(zimmer, episodeId, adams);
        assertThat(attention(Episodes.AttentionSort.LOVED_ONE, false, 0, 10))
                .as("A., J., Z.")
                .containsExactly(zimmer, episodeId, adams);
        assertThat(attention(Episodes.AttentionSort.STATUS, true, 0, 10))
                .as("Ambivalent comes after Refusing in the way into treatment; ties in the urgent order")
                .containsExactly(zimmer, adams, episodeId);
        assertThat(attention(Episodes.AttentionSort.LAST_EVENT, false, 0, 10))
                .as("the quietest first: day -100, -19, -5")
                .containsExactly(episodeId, zimmer, adams);
        assertThat(attention(Episodes.AttentionSort.FOLLOW_UP, false, 1, 1))
                .as("the second page of one row, ordered by follow-up day: -86, -5, 9")
                .containsExactly(zimmer);
        assertThat(asAna(() -> episodes.countNeedingAttention(Episodes.Scope.MINE)))
                .isEqualTo(3);
    }

    private List<Long> attention(Episodes.AttentionSort sort, boolean descending, int first, int max) {
        return asAna(() -> episodes.needingAttention(Episodes.Scope.MINE, sort, descending, first, max)).stream()
                .map(NeedsAttention::episodeId)
                .toList();
    }

    @Test
    void eventsRecordedAtOnceByTwoCounselorsAreBothKept() throws Exception {
        SecurityDomain domain = SecurityDomain.getCurrent();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<EpisodeView>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int days = -20 + i;
                results.add(pool.submit(() -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    start.await();
                    return RunAs.user(
                            domain,
                            ana,
                            Set.of("counselor"),
                            () -> episodes.record(episodeId, strategy(days, FamilyStrategy.BOUNDARY_AGREED)));
                }));
            }
            start.countDown();
            for (Future<EpisodeView> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sql().query(
                                "select count(*) from episode_event where episode_id = cast(? as bigint)",
                                Long.toString(episodeId)))
                .isEqualTo(List.of(List.of("6")));
    }

    private EpisodeView record(NewEpisodeEvent event) {
        return asAna(() -> episodes.record(episodeId, event));
    }

    private NewEpisodeEvent offer(int days, OfferResponse response, Set<RefusalReason> reasons) {
        return new NewEpisodeEvent(
                EventKind.TREATMENT_OFFERED,
                day(days),
                null,
                null,
                null,
                OfferedBy.FAMILY_INVITATION,
                "At dinner, as rehearsed",
                response,
                reasons,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private NewEpisodeEvent move(int days, EpisodeStatus to, LevelOfCare level) {
        return new NewEpisodeEvent(
                EventKind.STATUS_CHANGE,
                day(days),
                to,
                level,
                level == null ? null : "County detox",
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

    private NewEpisodeEvent harm(int days, HarmReduction action) {
        return new NewEpisodeEvent(
                EventKind.HARM_REDUCTION,
                day(days),
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                null,
                null,
                action,
                memberId,
                null,
                null,
                null);
    }

    private NewEpisodeEvent stage(int days, StageOfChange stage) {
        return new NewEpisodeEvent(
                EventKind.STAGE_OBSERVED,
                day(days),
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                stage,
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
                "Reversed with naloxone by his mother");
    }

    private NewEpisodeEvent strategy(int days, FamilyStrategy strategy) {
        return new NewEpisodeEvent(
                EventKind.FAMILY_STRATEGY,
                day(days),
                null,
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
                strategy,
                null,
                null);
    }

    private NewEpisodeEvent event(EventKind kind, int days) {
        return new NewEpisodeEvent(
                kind, day(days), null, null, null, null, null, null, Set.of(), null, null, null, null, null, null,
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
