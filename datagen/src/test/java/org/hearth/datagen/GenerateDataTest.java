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
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.hearth.launcher.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator at demo scale, twice with the same seed and day into two fresh databases migrated as the server
 * migrates them: the same rows both times, the sizes asked for, families of 2 to 5, episodes that move only as
 * the application allows, a CRAFT-like entry rate, and an audit trail that verifies.
 */
class GenerateDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static EmbeddedDatabase first;
    private static EmbeddedDatabase second;

    @BeforeAll
    static void generateTwice() throws SQLException {
        first = generated("first", 42);
        second = generated("second", 42);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    private static EmbeddedDatabase generated(String name, long seed) throws SQLException {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of("target", "generate-" + name), 0, true);
        Flyway.configure(GenerateDataTest.class.getClassLoader())
                .dataSource(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())
                .placeholders(Map.of("appRole", database.user()))
                // the demo programs and staff too, as ./hearth run --demo-data has them
                .locations("classpath:db/migration", "classpath:db/demo")
                .load()
                .migrate();
        try (Connection connection = owner(database)) {
            GenerateData.generate(
                    connection,
                    new GenerateData.Options(GenerateData.Scale.DEMO, seed, TODAY, ZoneId.of("America/New_York")),
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
            assertThat(counts.get("family")).isEqualTo(120);
            assertThat(counts.get("program"))
                    .as("the 2 demo programs and 2 generated")
                    .isEqualTo(4);
            assertThat(counts.get("staff_member"))
                    .as("the 6 demo staff and 11 generated")
                    .isEqualTo(6 + 2 + 6 + 2 + 1);
            assertThat(counts.get("support_group")).isEqualTo(6);
            assertThat(counts.get("group_session")).isEqualTo(6 * 20);
            assertThat(counts.get("audit_entry")).isEqualTo(3_000);
            assertThat(counts.get("engagement_episode")).isBetween(80L, 110L);
            assertThat(counts.get("appointment")).as("about 16 a family").isBetween(1_500L, 2_300L);
            assertThat(counts.get("session_note")).isBetween(800L, 1_600L);
            assertThat(counts.get("group_attendance")).isGreaterThan(500L);
        }
    }

    @Test
    void theDemoStaffHaveCaseloadsSchedulesAndGroups() throws SQLException {
        for (String counselor : List.of("carlos", "cora", "sofia")) {
            assertThat(Integer.parseInt(single(
                            first,
                            "select count(*) from family f join staff_member s on s.id = f.primary_counselor_id where"
                                    + " s.username = '" + counselor + "' and f.status = 'ACTIVE'")))
                    .as(counselor + "'s active families")
                    .isGreaterThan(2);
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
                var from = org.hearth.engagement.EpisodeStatus.valueOf(moves.getString(2));
                var to = org.hearth.engagement.EpisodeStatus.valueOf(moves.getString(3));
                if (!from.name().equals(status) || !org.hearth.engagement.EpisodeTransitions.isAllowed(from, to)) {
                    wrong.add(episode + ": " + status + " then " + from + " -> " + to);
                }
                if (to == org.hearth.engagement.EpisodeStatus.ENTERED_TREATMENT && moves.getString(4) == null) {
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
    }

    @Test
    void episodesFollowedLongEnoughEnterTreatmentAtACraftLikeRate() throws SQLException {
        String rate = single(
                first,
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
                Map.entry("select distinct relationship from family_member", org.hearth.family.Relationship.class),
                Map.entry("select distinct relationship from loved_one", org.hearth.family.LovedOneRelationship.class),
                Map.entry("select distinct referral_source from family", org.hearth.family.ReferralSource.class),
                Map.entry("select distinct substance from loved_one_substance", org.hearth.family.Substance.class),
                Map.entry("select distinct route from loved_one_route", org.hearth.family.Route.class),
                Map.entry("select distinct medication from loved_one", org.hearth.family.Medication.class),
                Map.entry("select distinct stage_of_change from loved_one", org.hearth.family.StageOfChange.class),
                Map.entry(
                        "select distinct offered_by from episode_event where offered_by is not null",
                        org.hearth.engagement.OfferedBy.class),
                Map.entry(
                        "select distinct response from episode_event where response is not null",
                        org.hearth.engagement.OfferResponse.class),
                Map.entry(
                        "select distinct unnest(string_to_array(refusal_reasons, ',')) from episode_event",
                        org.hearth.engagement.RefusalReason.class),
                Map.entry(
                        "select distinct level_of_care from episode_event where level_of_care is not null",
                        org.hearth.engagement.LevelOfCare.class),
                Map.entry(
                        "select distinct critical_event from episode_event where critical_event is not null",
                        org.hearth.engagement.CriticalEventKind.class),
                Map.entry(
                        "select distinct harm_reduction from episode_event where harm_reduction is not null",
                        org.hearth.engagement.HarmReduction.class),
                Map.entry(
                        "select distinct family_strategy from episode_event where family_strategy is not null",
                        org.hearth.engagement.FamilyStrategy.class),
                Map.entry(
                        "select distinct stage from episode_event where stage is not null",
                        org.hearth.family.StageOfChange.class),
                Map.entry("select distinct kind from episode_event", org.hearth.engagement.EventKind.class),
                Map.entry(
                        "select distinct unnest(string_to_array(craft_procedures, ',')) from session_note",
                        org.hearth.notes.CraftProcedure.class),
                Map.entry("select distinct kind from appointment", org.hearth.schedule.AppointmentKind.class),
                Map.entry("select distinct action from audit_entry", org.hearth.audit.AuditAction.class));
        List<String> wrong = new ArrayList<>();
        try (Connection connection = owner(first);
                Statement s = connection.createStatement()) {
            for (Map.Entry<String, Class<? extends Enum<?>>> code : codes.entrySet()) {
                List<String> constants = java.util.Arrays.stream(code.getValue().getEnumConstants())
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
            var found = org.hearth.audit.VerifyAudit.verify(connection);
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

    private static String single(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = owner(database);
                Statement s = connection.createStatement();
                ResultSet result = s.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
