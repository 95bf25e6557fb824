package org.hearth.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.hearth.appointments.AppointmentKind;
import org.hearth.audit.AuditAction;
import org.hearth.audit.VerifyAudit;
import org.hearth.engagement.CriticalEventKind;
import org.hearth.engagement.EpisodeStatus;
import org.hearth.engagement.EpisodeTransitions;
import org.hearth.engagement.EventKind;
import org.hearth.engagement.FamilyStrategy;
import org.hearth.engagement.HarmReduction;
import org.hearth.engagement.LevelOfCare;
import org.hearth.engagement.OfferResponse;
import org.hearth.engagement.OfferedBy;
import org.hearth.engagement.RefusalReason;
import org.hearth.family.LovedOneRelationship;
import org.hearth.family.Medication;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.family.Route;
import org.hearth.family.StageOfChange;
import org.hearth.family.Substance;
import org.hearth.launcher.EmbeddedDatabase;
import org.hearth.notes.CraftProcedure;
import org.hearth.plans.BagItem;
import org.hearth.plans.PreauthState;
import org.hearth.plans.TransportKind;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;
import org.hearth.providers.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator at demo scale, twice with the same seed and day into two fresh databases migrated as the server
 * migrates them: the same rows both times, the sizes asked for, families of 2 to 5, episodes that move only as
 * the application allows, a CRAFT-like entry rate, and an audit trail that verifies.
 */
class GenerateDataPostgresTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static EmbeddedDatabase first;
    private static EmbeddedDatabase second;
    private static EmbeddedDatabase small;

    @BeforeAll
    static void generateTwice() throws SQLException {
        first = generated("first", 42);
        second = generated("second", 42);
        small = generated("small", 42, GenerateData.Scale.SMALL);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        small.close();
    }

    private static EmbeddedDatabase generated(String name, long seed) throws SQLException {
        return generated(name, seed, GenerateData.Scale.DEMO);
    }

    private static EmbeddedDatabase generated(String name, long seed, GenerateData.Scale scale) throws SQLException {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of("target", "generate-" + name), 0, true);
        Flyway.configure(GenerateDataPostgresTest.class.getClassLoader())
                .dataSource(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())
                .placeholders(Map.of("appRole", database.user()))
                // the demo programs and staff too, as ./hearth run --demo-data has them
                .locations("classpath:db/migration", "classpath:db/demo")
                .load()
                .migrate();
        try (Connection connection = owner(database)) {
            GenerateData.generate(
                    connection,
                    new GenerateData.Options(scale, seed, TODAY, ZoneId.of("America/New_York")),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
        return database;
    }

    private static Connection owner(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
    }

    @Test
    void theSameSeedAndDayGiveTheSameRows() throws SQLException {
        for (String table : GenerateData.TABLES) {
            String digest = "select md5(string_agg(t::text, '|' order by t::text)) from " + table + " t";
            if (table.equals("staff_member")) {
                digest = "select md5(string_agg(username || display_name || roles, '|' order by username)) from"
                        + " staff_member";
            } else if (table.equals("program")) {
                digest = "select md5(string_agg(name, '|' order by name)) from program";
            } else if (table.equals("audit_entry")) {
                digest = "select md5(string_agg(hash, '|' order by seq)) from audit_entry";
            }
            assertThat(single(first, digest)).as(table).isNotNull().isEqualTo(single(second, digest));
        }
    }

    @Test
    void aSecondSeedGivesOtherFamilies() throws SQLException {
        EmbeddedDatabase other = generated("other", 7);
        try {
            String names = "select md5(string_agg(full_name, '|' order by id)) from family_member";
            assertThat(single(other, names)).isNotEqualTo(single(first, names));
        } finally {
            other.close();
        }
    }

    @Test
    void theDemoScaleHasTheSizesAskedFor() throws SQLException {
        try (Connection connection = owner(first)) {
            Map<String, Long> counts = GenerateData.counts(connection);
            assertThat(counts.get("family")).isEqualTo(72);
            assertThat(counts.get("program"))
                    .as("the 2 demo programs and 2 generated")
                    .isEqualTo(4);
            assertThat(counts.get("staff_member"))
                    .as("the 6 demo staff and 6 generated")
                    .isEqualTo(6 + 2 + 2 + 1 + 1);
            assertThat(counts.get("support_group")).isEqualTo(6);
            assertThat(counts.get("group_session")).isEqualTo(6 * 20);
            assertThat(counts.get("audit_entry")).isEqualTo(3_000);
            assertThat(counts.get("engagement_episode")).isBetween(45L, 70L);
            assertThat(counts.get("appointment")).as("about 16 a family").isBetween(900L, 1_400L);
            assertThat(counts.get("session_note")).isBetween(450L, 850L);
            assertThat(counts.get("group_attendance")).isGreaterThan(500L);
        }
    }

    @Test
    void theSmallScaleHasTheSizesAskedFor() throws SQLException {
        try (Connection connection = owner(small)) {
            Map<String, Long> counts = GenerateData.counts(connection);
            assertThat(counts.get("family")).isEqualTo(2_000);
            assertThat(counts.get("family_member")).as("2 to 5 a family").isBetween(6_000L, 8_000L);
            assertThat(counts.get("engagement_episode")).isBetween(1_500L, 1_900L);
            assertThat(counts.get("episode_event")).as("about 10 an episode").isBetween(14_000L, 20_000L);
            assertThat(counts.get("appointment")).as("about 20 a family").isBetween(32_000L, 45_000L);
            assertThat(counts.get("session_note")).as("about 3 in 5 sessions").isBetween(20_000L, 28_000L);
            assertThat(counts.get("group_session")).isEqualTo(30 * 40);
            assertThat(counts.get("group_attendance")).isGreaterThan(8_000L);
            assertThat(counts.get("audit_entry")).isEqualTo(40_000);
        }
    }

    @Test
    void theCommunityResourceDirectoryHasTheNationalLinesSomeEntriesToCheckAndGiftsOnAboutHalfTheActiveFamilies()
            throws SQLException {
        assertThat(Integer.parseInt(single(first, "select count(*) from community_resource")))
                .as("about 40 entries")
                .isBetween(35, 45);
        assertThat(single(
                        first,
                        "select string_agg(phone, ' ' order by phone) from community_resource"
                                + " where name in ('988 Suicide & Crisis Lifeline', 'SAMHSA National Helpline')"))
                .isEqualTo("1-800-662-4357 988");
        assertThat(Integer.parseInt(single(
                        first,
                        "select count(*) from community_resource where confirmed_on <= date '2026-11-24' - 180")))
                .as("some not confirmed for 180 days")
                .isBetween(1, 15);
        double share = Double.parseDouble(single(
                first,
                "select count(distinct g.family_id)::float / (select count(*) from family where status = 'ACTIVE')"
                        + " from resource_gift g join family f on f.id = g.family_id and f.status = 'ACTIVE'"));
        assertThat(share).as("active families given a resource").isBetween(0.3, 0.7);
        assertThat(single(
                        first,
                        "select r.kind from resource_gift g join community_resource r on r.id = g.resource_id"
                                + " group by r.kind order by count(*) desc limit 1"))
                .isEqualTo("FAMILY_MUTUAL_HELP");
        assertThat(single(
                        first,
                        "select count(*) from resource_gift g join community_resource r on r.id ="
                                + " g.resource_id where not r.active or g.given_on > date '2026-11-24'"))
                .as("no retired entry given, no gift in the future")
                .isEqualTo("0");
    }

    @Test
    void theDemoStaffHaveCaseloadsSchedulesAndGroups() throws SQLException {
        for (String counselor : List.of("carlos", "cora", "sofia")) {
            assertThat(Integer.parseInt(single(
                            first,
                            "select count(*) from family f join staff_member s on s.id = f.primary_counselor_id where"
                                    + " s.username = '" + counselor + "' and f.status = 'ACTIVE'")))
                    .as(counselor + "'s active families")
                    .isBetween(5, 20);
            assertThat(Integer.parseInt(single(
                            first,
                            "select count(*) from appointment a join staff_member s on s.id = a.counselor_id where"
                                    + " s.username = '" + counselor + "' and a.status = 'SCHEDULED' and"
                                    + " (a.starts_at at time zone 'America/New_York')::date between date '2026-11-24'"
                                    + " and date '2026-11-27'")))
                    .as(counselor + "'s sessions in the rest of this week")
                    .isPositive();
        }
        assertThat(Integer.parseInt(single(
                        first,
                        "select count(*) from session_note n join staff_member s on s.id = n.author_id where"
                                + " s.username = 'carlos'")))
                .isGreaterThan(10);
        assertThat(Integer.parseInt(single(
                        first,
                        "select count(*) from group_facilitator g join staff_member s on s.id = g.staff_member_id"
                                + " where s.username in ('carlos', 'cora')")))
                .isPositive();
    }

    @Test
    void familiesHaveTwoToFiveMembersAndTheirCounselorsProgram() throws SQLException {
        assertThat(single(
                        first,
                        "select min(n) || '-' || max(n) from (select count(*) n from family_member"
                                + " group by family_id) m"))
                .isEqualTo("2-5");
        assertThat(single(
                        first,
                        "select count(*) from family f where not exists (select 1 from staff_program sp where"
                                + " sp.staff_member_id = f.primary_counselor_id and sp.program_id = f.program_id)"))
                .isEqualTo("0");
        assertThat(single(
                        first,
                        "select count(*) from appointment a join family f on f.id = a.family_id"
                                + " where a.counselor_id <> f.primary_counselor_id"))
                .isEqualTo("0");
    }

    @Test
    void aSessionIsMarkedNoteSignedExactlyWhenItsNoteIsSigned() throws SQLException {
        // the generator loads notes with the marking trigger off and sets the marks itself (V21)
        assertThat(single(
                        first,
                        "select count(*) filter (where a.note_signed) || '/' || count(*) filter (where a.note_signed"
                                + " is distinct from exists (select 1 from session_note n where n.appointment_id = a.id"
                                + " and n.status <> 'DRAFT')) from appointment a"))
                .matches("[1-9][0-9]*/0");
    }

    @Test
    void episodesMoveOnlyAsTheApplicationAllows() throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection connection = owner(first);
                Statement s = connection.createStatement();
                ResultSet moves = s.executeQuery("select episode_id, from_status, to_status, level_of_care from"
                        + " episode_event where kind = 'STATUS_CHANGE' order by episode_id, occurred_on, id")) {
            long episode = -1;
            String status = null;
            while (moves.next()) {
                if (moves.getLong(1) != episode) {
                    episode = moves.getLong(1);
                    status = "REFUSING";
                }
                var from = EpisodeStatus.valueOf(moves.getString(2));
                var to = EpisodeStatus.valueOf(moves.getString(3));
                if (!from.name().equals(status) || !EpisodeTransitions.isAllowed(from, to)) {
                    wrong.add(episode + ": " + status + " then " + from + " -> " + to);
                }
                if (to == EpisodeStatus.ENTERED_TREATMENT && moves.getString(4) == null) {
                    wrong.add(episode + ": entered without a level of care");
                }
                status = to.name();
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(single(
                        first,
                        "select count(*) from engagement_episode e where e.status <> coalesce((select"
                                + " x.to_status from episode_event x where x.episode_id = e.id and x.kind = 'STATUS_CHANGE'"
                                + " order by x.occurred_on desc, x.id desc limit 1), 'REFUSING')"))
                .as("each episode's status is its last move's")
                .isEqualTo("0");
        // the episode page works out each status's days up to today: nothing of an episode lies after it
        assertThat(single(
                        first,
                        "select count(*) from engagement_episode e where (e.opened_at at time zone"
                                + " 'America/New_York')::date > date '" + TODAY + "' or exists (select 1 from"
                                + " episode_event x where x.episode_id = e.id and x.occurred_on > date '" + TODAY
                                + "')"))
                .as("episodes opened or moved after the generation's day")
                .isEqualTo("0");
    }

    @Test
    void episodesFollowedLongEnoughEnterTreatmentAtACraftLikeRate() throws SQLException {
        String rate = single(
                small,
                "select round(100.0 * count(*) filter (where exists (select 1 from episode_event x where"
                        + " x.episode_id = e.id and x.to_status = 'ENTERED_TREATMENT')) / count(*)) from"
                        + " engagement_episode e where e.opened_at < date '2026-11-24' - 180");
        assertThat(Integer.parseInt(rate))
                .as("percent entered, of episodes six months old")
                .isBetween(50, 80);
    }

    @Test
    void everyCodeIsAConstantOfItsEnum() throws SQLException {
        Map<String, Class<? extends Enum<?>>> codes = Map.ofEntries(
                Map.entry("select distinct relationship from family_member", Relationship.class),
                Map.entry("select distinct relationship from loved_one", LovedOneRelationship.class),
                Map.entry("select distinct referral_source from family", ReferralSource.class),
                Map.entry("select distinct substance from loved_one_substance", Substance.class),
                Map.entry("select distinct route from loved_one_route", Route.class),
                Map.entry("select distinct medication from loved_one", Medication.class),
                Map.entry("select distinct stage_of_change from loved_one", StageOfChange.class),
                Map.entry(
                        "select distinct offered_by from episode_event where offered_by is not null", OfferedBy.class),
                Map.entry(
                        "select distinct response from episode_event where response is not null", OfferResponse.class),
                Map.entry(
                        "select distinct unnest(string_to_array(refusal_reasons, ',')) from episode_event",
                        RefusalReason.class),
                Map.entry(
                        "select distinct level_of_care from episode_event where level_of_care is not null",
                        LevelOfCare.class),
                Map.entry(
                        "select distinct critical_event from episode_event where critical_event is not null",
                        CriticalEventKind.class),
                Map.entry(
                        "select distinct harm_reduction from episode_event where harm_reduction is not null",
                        HarmReduction.class),
                Map.entry(
                        "select distinct family_strategy from episode_event where family_strategy is not null",
                        FamilyStrategy.class),
                Map.entry("select distinct stage from episode_event where stage is not null", StageOfChange.class),
                Map.entry("select distinct kind from episode_event", EventKind.class),
                Map.entry(
                        "select distinct unnest(string_to_array(craft_procedures, ',')) from session_note",
                        CraftProcedure.class),
                Map.entry("select distinct kind from appointment", AppointmentKind.class),
                Map.entry("select distinct action from audit_entry", AuditAction.class),
                Map.entry("select distinct level_of_care from provider_level_of_care", LevelOfCare.class),
                Map.entry("select distinct medication from provider_medication", OudMedication.class),
                Map.entry("select distinct payment from provider_payment", Payment.class),
                Map.entry("select distinct population from provider_population", Population.class),
                Map.entry("select distinct proposed_level from ready_plan", LevelOfCare.class),
                Map.entry("select distinct payment from ready_plan", Payment.class),
                Map.entry("select distinct medication_wanted from ready_plan", OudMedication.class),
                Map.entry("select distinct level_of_care from referral", LevelOfCare.class),
                Map.entry("select distinct status_before from referral", EpisodeStatus.class),
                Map.entry("select distinct transport_kind from ready_plan", TransportKind.class),
                Map.entry("select distinct unnest(string_to_array(bag_items, ',')) from ready_plan", BagItem.class),
                Map.entry("select distinct preauth_state from plan_provider", PreauthState.class));
        List<String> wrong = new ArrayList<>();
        try (Connection connection = owner(first);
                Statement s = connection.createStatement()) {
            for (Map.Entry<String, Class<? extends Enum<?>>> code : codes.entrySet()) {
                List<String> constants = Arrays.stream(code.getValue().getEnumConstants())
                        .map(Enum::name)
                        .toList();
                try (ResultSet values = s.executeQuery(code.getKey())) {
                    while (values.next()) {
                        String value = values.getString(1);
                        if (value != null && !value.isEmpty() && !constants.contains(value)) {
                            wrong.add(code.getValue().getSimpleName() + " has no " + value);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theAuditTrailVerifies() throws SQLException {
        try (Connection connection = owner(first)) {
            var found = VerifyAudit.verify(connection);
            assertThat(found.isIntact()).as(String.valueOf(found)).isTrue();
            assertThat(found.checked()).isEqualTo(3_000);
        }
    }

    @Test
    void aDatabaseWithGeneratedDataIsRefused() throws SQLException {
        try (Connection connection = owner(first)) {
            assertThat(GenerateData.refusal(connection))
                    .hasValueSatisfying(why -> assertThat(why).contains("already holds generated data"));
        }
    }

    @Test
    void everyTableThePagesReadHasRows() throws SQLException {
        List<String> empty = new ArrayList<>();
        try (Connection connection = owner(first);
                Statement s = connection.createStatement();
                ResultSet tables = s.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                        + " and tablename not in ('flyway_schema_history', 'calendar_feed') order by tablename")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (ResultSet any = s.executeQuery("select exists (select 1 from " + table + ")")) {
                    any.next();
                    if (!any.getBoolean(1)) {
                        empty.add(table);
                    }
                }
            }
        }
        assertThat(empty)
                .as("tables left empty (calendar feeds are made by each user)")
                .isEmpty();
    }

    @Test
    void recordsBelongToEachOther() throws SQLException {
        Map<String, String> mismatches = Map.ofEntries(
                Map.entry(
                        "notes of another family than their session's, or by another counselor",
                        "select count(*) from session_note n join appointment a on a.id = n.appointment_id"
                                + " where n.family_id <> a.family_id or n.author_id <> a.counselor_id"),
                Map.entry(
                        "notes of sessions that did not take place",
                        "select count(*) from session_note n join appointment a on a.id = n.appointment_id"
                                + " where a.status <> 'COMPLETED'"),
                Map.entry(
                        "members attending another family's session",
                        "select count(*) from appointment_member am join appointment a on a.id = am.appointment_id"
                                + " join family_member m on m.id = am.family_member_id where m.family_id <> a.family_id"),
                Map.entry(
                        "attendance of members not enrolled in the session's group",
                        "select count(*) from group_attendance ga join group_session s on s.id = ga.group_session_id"
                                + " where not exists (select 1 from group_enrollment e where e.group_id = s.group_id"
                                + " and e.family_member_id = ga.family_member_id and e.status = 'ENROLLED')"),
                Map.entry(
                        "attendance of meetings still to come or cancelled",
                        "select count(*) from group_attendance ga join group_session s on s.id = ga.group_session_id"
                                + " where s.occurs_on >= date '2026-11-24' or s.status = 'CANCELLED'"),
                Map.entry(
                        "group note sections filed under another family",
                        "select count(*) from group_note_section x join family_member m on m.id = x.family_member_id"
                                + " where m.family_id <> x.family_id"),
                Map.entry(
                        "episodes of a loved one of another family",
                        "select count(*) from engagement_episode e join loved_one l on l.id = e.loved_one_id"
                                + " where l.family_id <> e.family_id"),
                Map.entry(
                        "consents of a member of another family, or disclosures under another family's consent",
                        "select (select count(*) from consent c join family_member m on m.id = c.member_id where"
                                + " m.family_id <> c.family_id) + (select count(*) from disclosure d join consent c"
                                + " on c.id = d.consent_id where c.family_id <> d.family_id)"),
                Map.entry(
                        "families whose caseload row disagrees with their open primary assignment",
                        "select count(*) from family f where f.primary_counselor_id is distinct from (select"
                                + " a.counselor_id from family_assignment a where a.family_id = f.id and a.kind ="
                                + " 'PRIMARY' and a.ended_at is null)"),
                Map.entry(
                        "notes whose change talk is not numbered 0, 1, 2 ... as the application lists it",
                        "select count(*) from (select note_id from note_change_talk group by note_id having"
                                + " min(position) <> 0 or max(position) <> count(*) - 1) gaps"),
                Map.entry(
                        "audit entries naming a family that does not exist",
                        "select count(*) from audit_entry a where a.family_id is not null and not exists (select 1"
                                + " from family f where f.id = a.family_id)"));
        for (Map.Entry<String, String> check : mismatches.entrySet()) {
            assertThat(single(first, check.getValue())).as(check.getKey()).isEqualTo("0");
        }
    }

    @Test
    void replacingGeneratedDataGivesTheSameDataAgainAndAPlainSecondRunIsRefused() throws SQLException {
        EmbeddedDatabase again = generated("again", 42);
        try {
            Map<String, String> environment = Map.of(
                    "DB_URL", again.jdbcUrl(),
                    "DB_USER", again.ownerUser(),
                    "DB_PASSWORD", again.ownerPassword(),
                    // no Keycloak: the test must never add users to a realm that happens to run here
                    "KEYCLOAK_URL", "http://localhost:1");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            String[] demo = {"--scale", "demo", "--seed", "42", "--today", "2026-11-24"};
            assertThat(GenerateData.run(demo, environment, quiet, new PrintStream(err, true, StandardCharsets.UTF_8)))
                    .isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("already holds generated data", "--replace");
            String[] replace = {"--scale", "demo", "--seed", "42", "--today", "2026-11-24", "--replace"};
            assertThat(GenerateData.run(replace, environment, quiet, quiet)).isZero();

            String families = "select md5(string_agg(case_number || family_name || status, '|' order by"
                    + " case_number)) from family";
            assertThat(single(again, families)).isEqualTo(single(first, families));
            try (Connection connection = owner(again)) {
                assertThat(GenerateData.counts(connection)).isEqualTo(GenerateData.counts(owner(first)));
                var found = VerifyAudit.verify(connection);
                assertThat(found.isIntact()).as(String.valueOf(found)).isTrue();
            }
            assertThat(single(
                            again,
                            "select string_agg(username, ',' order by username) from staff_member where"
                                    + " email like '%@hearth.example'"))
                    .as("the demo staff stay")
                    .isEqualTo("ada,carlos,cora,frida,sam,sofia");
        } finally {
            again.close();
        }
    }

    @Test
    void theDirectoryHoldsAboutThreeHundredProvidersOfTheRegionSomeUnconfirmedFor90Days() throws SQLException {
        assertThat(single(small, "select count(*) from treatment_provider")).isEqualTo("300");
        int stale = Integer.parseInt(single(
                small, "select count(*) from treatment_provider where confirmed_on < date '" + TODAY + "' - 90"));
        assertThat(stale).as("10 to 15% stale").isBetween(30, 45);
        assertThat(single(
                        small,
                        "select count(*) from treatment_provider p where not exists (select 1 from"
                                + " provider_level_of_care l where l.provider_id = p.id)"))
                .as("providers without a level of care")
                .isEqualTo("0");
        assertThat(single(
                        small,
                        "select count(*) from provider_level_of_care l where l.level_of_care ="
                                + " 'OPIOID_TREATMENT_PROGRAM' and not exists (select 1 from provider_medication m"
                                + " where m.provider_id = l.provider_id and m.medication = 'METHADONE')"))
                .as("opioid treatment programs without methadone")
                .isEqualTo("0");
        int medicaid =
                Integer.parseInt(single(small, "select count(*) from provider_payment where payment = 'MEDICAID'"));
        assertThat(medicaid).as("most take Medicaid").isBetween(220, 290);
        assertThat(single(
                        small,
                        "select count(*) from treatment_provider p where not exists (select 1 from provider_language"
                                + " l where l.provider_id = p.id and l.language = 'en')"))
                .isEqualTo("0");
    }

    @Test
    void aPlanIsReadyExactlyWhenAShortlistedProviderHasASlotAndSettledPreAuthorization() throws SQLException {
        for (EmbeddedDatabase database : List.of(first, small)) {
            assertThat(single(
                            database,
                            "select count(*) from ready_plan r where (r.ready_since is not null) <> exists (select 1"
                                    + " from plan_provider p where p.plan_id = r.id and p.slot_available and"
                                    + " p.preauth_state in ('APPROVED', 'NOT_NEEDED'))"))
                    .as("plans whose readiness breaks the rule")
                    .isEqualTo("0");
            assertThat(single(
                            database,
                            "select count(*) from ready_plan r where (select count(*) from plan_provider p where"
                                    + " p.plan_id = r.id) not between 1 and 4"))
                    .as("shortlists of 1 to 4")
                    .isEqualTo("0");
        }
        assertThat(Integer.parseInt(single(first, "select count(*) from ready_plan where ready_since is not null")))
                .as("ready plans in the demo set")
                .isPositive();
        assertThat(Integer.parseInt(single(first, "select count(*) from ready_plan where ready_since is null")))
                .as("plans not ready yet in the demo set")
                .isPositive();
    }

    @Test
    void everyEntryArrivedThroughAReferralFromAnAcceptedOfferAndSomeReferralsWereLostOrAreOpen() throws SQLException {
        for (EmbeddedDatabase database : List.of(first, small)) {
            assertThat(single(
                            database,
                            "select count(*) from episode_event v where v.kind = 'STATUS_CHANGE' and v.to_status ="
                                    + " 'ENTERED_TREATMENT' and v.voided_at is null and not exists (select 1 from"
                                    + " referral r join treatment_provider p on p.id = r.provider_id where"
                                    + " r.episode_id = v.episode_id and r.outcome = 'ARRIVED' and r.outcome_on ="
                                    + " v.occurred_on and r.level_of_care = v.level_of_care and v.provider = p.name)"))
                    .as("entries without their arrived referral (same day, level and provider)")
                    .isEqualTo("0");
            assertThat(single(
                            database,
                            "select count(*) from referral r where not exists (select 1 from episode_event v where"
                                    + " v.id = r.offer_event_id and v.episode_id = r.episode_id and v.kind ="
                                    + " 'TREATMENT_OFFERED' and v.response = 'ACCEPTED' and v.occurred_on ="
                                    + " r.accepted_on) or r.outcome_on < r.accepted_on or r.outcome_on > date '"
                                    + TODAY + "'"))
                    .as("referrals not from an accepted offer of their episode, or settled out of order")
                    .isEqualTo("0");
            assertThat(single(
                            database,
                            "select count(*) from referral r where r.outcome <> 'OPEN' and not exists (select 1 from"
                                    + " referral_step s where s.referral_id = r.id and s.kind = case r.outcome when"
                                    + " 'ARRIVED' then 'ARRIVED' else 'DID_NOT_ARRIVE' end and s.occurred_at ="
                                    + " r.last_step_at)"))
                    .as("settled referrals without their last step")
                    .isEqualTo("0");
        }
        String outcomes = single(
                small,
                "select string_agg(outcome || '=' || n, ',' order by outcome) from (select outcome, count(*) as n"
                        + " from referral group by outcome) o");
        assertThat(outcomes).matches("ARRIVED=\\d+,NOT_ARRIVED=\\d+,OPEN=\\d+");
        assertThat(Integer.parseInt(single(
                        small,
                        "select count(distinct not_arrived_reason) from referral where outcome = 'NOT_ARRIVED'")))
                .as("reasons for not arriving")
                .isGreaterThanOrEqualTo(6);
        String now = "(date '" + TODAY + "' + time '08:00') at time zone 'America/New_York'";
        assertThat(Integer.parseInt(single(
                        first,
                        "select count(*) from referral where outcome = 'OPEN' and (last_step_at < " + now
                                + " - interval '24 hours' and not exists (select 1 from referral_step s where"
                                + " s.referral_id = referral.id) or intake_at < " + now + ")")))
                .as("stalled open referrals in the demo set: no step a day after the yes, or the intake passed")
                .isPositive();
        assertThat(Integer.parseInt(single(
                        first, "select count(*) from referral where outcome = 'ARRIVED' and accepted_on < outcome_on")))
                .as("arrivals days after the yes")
                .isPositive();
    }

    @Test
    void recentCriticalEventsOpenAWindowOfThreeDays() throws SQLException {
        for (EmbeddedDatabase database : List.of(first, small)) {
            assertThat(Integer.parseInt(single(
                            database,
                            "select count(*) from engagement_episode e join episode_event v on v.id ="
                                    + " e.window_event_id where v.episode_id = e.id and v.kind = 'CRITICAL_EVENT'"
                                    + " and e.window_open_until = v.occurred_on + 3 and e.window_open_until >= date '"
                                    + TODAY + "' and e.next_follow_up_on <= e.window_open_until")))
                    .as("windows open now after a critical event of the episode")
                    .isPositive()
                    .isEqualTo(Integer.parseInt(single(
                            database, "select count(*) from engagement_episode where window_open_until is not null")));
        }
    }

    @Test
    void mostActiveFamiliesHoldBoundariesReviewedInTheirSignedNotesMostlyKeptAndSomeAreDue() throws SQLException {
        double withBoundaries = Double.parseDouble(single(
                small,
                "select avg(case when exists (select 1 from boundary b where b.family_id = f.id) then 1.0 else 0 end)"
                        + " from family f where f.status = 'ACTIVE' and f.opened_on < date '" + TODAY + "' - 7"));
        assertThat(withBoundaries).as("most active families").isBetween(0.6, 0.9);
        assertThat(Integer.parseInt(
                        single(small, "select max(c) from (select count(*) as c from boundary group by family_id) x")))
                .isEqualTo(4);
        String share = "select round(avg(case when outcome = '%s' then 1.0 else 0 end), 2) from boundary_review";
        assertThat(Double.parseDouble(single(small, share.formatted("KEPT")))).isBetween(0.65, 0.85);
        assertThat(Double.parseDouble(single(small, share.formatted("BROKEN")))).isBetween(0.1, 0.26);
        assertThat(Double.parseDouble(single(small, share.formatted("CHANGED"))))
                .isBetween(0.03, 0.12);
        assertThat(single(
                        small,
                        "select count(*) from boundary_review r join boundary b on b.id = r.boundary_id"
                                + " join session_note n on n.id = r.note_id where n.status = 'DRAFT'"
                                + " or n.family_id <> b.family_id or r.session_day <= b.agreed_on"))
                .as("each review in a signed note of the boundary's family, after it was agreed")
                .isEqualTo("0");
        assertThat(single(
                        small,
                        "select count(*) from boundary b where not exists (select 1 from boundary_holder h"
                                + " where h.boundary_id = b.id) or (select count(*) from boundary_wording w"
                                + " where w.boundary_id = b.id) <> 1 + (select count(*) from boundary_review r"
                                + " where r.boundary_id = b.id and r.outcome = 'CHANGED')"))
                .as("held by someone; one wording agreed and one per change")
                .isEqualTo("0");
        String due = "select count(*) from boundary where retired_on is null and review_on %s";
        assertThat(Integer.parseInt(single(small, due.formatted("< date '" + TODAY + "'"))))
                .as("overdue")
                .isGreaterThan(20);
        assertThat(Integer.parseInt(single(
                        small, due.formatted("between date '" + TODAY + "' and date '" + TODAY.plusDays(7) + "'"))))
                .as("due this week")
                .isGreaterThan(20);
        assertThat(Integer.parseInt(single(small, "select count(*) from boundary where retired_on is not null")))
                .isGreaterThan(0);
    }

    private static String single(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = owner(database);
                Statement s = connection.createStatement();
                ResultSet result = s.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
