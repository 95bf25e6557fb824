package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hearth.testing.Browser;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Keycloak;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.hearth.time.ClinicTime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The SQL statements each page runs, counted by Hibernate's statistics, are bounded and do not grow with the
 * rows the page shows (no N+1): every page is opened with a caseload of 2 families, then of 6, each with its
 * members, loved one, episode, sessions, notes, group places and reviews, and the focus family and episode grow
 * too. The count of the second opening must equal the first's, and stay within the page's bound below.
 *
 * <p>The report pages compute their figures with plain JDBC aggregates, which Hibernate does not see; their
 * count is that of the page around them (the figures are one query each, by construction).
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class PageStatementsIT {

    /**
     * The most statements each page may run: what it ran when the table was written, and 2 more. A page over
     * its bound has grown a query: find out why before raising it.
     */
    static final String BOUNDS =
            """
            # who      page                                      at most
            # issue 25: the to-do list asks each of its four task sources once
            stan       caseload/index.xhtml                      20
            # the record reads the tab it shows (the address's, or the Overview): 66 when it read all seven
            # issue 26, choices: + the members' messages on the Overview (the family in its own service call, its
            # members with their choices in one query, the audit entry): 33 seen with the outbox worker's
            stan       families/record.xhtml?id={family}         33
            stan       families/record.xhtml?id={family}&tab=assignments 27
            stan       families/record.xhtml?id={family}&tab=schedule 44
            stan       families/record.xhtml?id={family}&tab=notes 40
            # issue 25: the family plan tab - six parts (safety plan, raised flags, boundaries, measures, resources,
            # education), each through its own service (the family, the access check, its reads, an audit entry): 56
            stan       families/record.xhtml?id={family}&tab=plan 58
            # issue 24 plan: + the family's ready episodes for the "Treatment ready" badge (family, query, audit)
            stan       families/record.xhtml?id={family}&tab=engagement 30
            stan       families/record.xhtml?id={family}&tab=consents 30
            # issue 24 plan: + the ready plan (episode, loved one's facts and the plan's id in one query, audit)
            # issue 24 referrals: + the referral section (the episode and family again in its own service call, the
            # referrals, the plan's proposed level, the accepted offers not referred yet, audit): 25 with both
            stan       episodes/episode.xhtml?id={episode}       27
            stan       episodes/attention.xhtml                  7
            # issue 25, boundaries: the note's boundary reviews (its facts, family, reviews, boundaries to review, audit)
            # issue 25, education: + the note's education topics
            stan       notes/note.xhtml?id={note}                23
            stan       notes/miti.xhtml?session={session}        8
            stan       notes/practice.xhtml                      5
            stan       calendar/week.xhtml                       9
            stan       groups/index.xhtml                        7
            stan       reports/overview.xhtml?mine=true          6
            # today: one more since every request checks that its staff member is not deactivated (one indexed read)
            # issue 26, reminders: + who confirmed the sessions shown (one query), + the meetings' answer counts (one)
            fern       schedule/today.xhtml                      9
            fern       groups/group.xhtml?id={group}             15
            # issue 26, reminders: + the members' answers to the meeting's reminders (the session, one query)
            fern       groups/roster.xhtml?session={meeting}     11
            fern       families/search.xhtml                     5
            sully      reports/overview.xhtml                    9
            sully      reports/caseloads.xhtml                   12
            sully      audit/index.xhtml                         6
            """;

    private static final AtomicInteger SEQUENCE = new AtomicInteger(90_000);

    private final Sql database = Sql.testDatabase();
    private final HttpClient http = HttpClient.newHttpClient();
    /** Per page, what it fetched one by one and its queries, at the last count: printed when a page fails. */
    private final Map<String, List<String>> details = new LinkedHashMap<>();

    private long programId;
    private String stanId;
    private String roomId;
    private String groupId;
    private String meetingId;
    private String focusFamily;
    private String focusEpisode;
    private String focusNote;
    private String focusSession;
    private String focusMember;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearthCountingStatements();
    }

    /** The scheduled rounds (the outbox, reminders, seat offers) are skipped while pages are counted. */
    @BeforeEach
    void pauseTheScheduledWork() throws Exception {
        pauseScheduledWork(true);
    }

    @AfterEach
    void runTheScheduledWorkAgain() throws Exception {
        pauseScheduledWork(false);
    }

    private void pauseScheduledWork(boolean pause) throws Exception {
        // a client of its own on HTTP/1.1: a connection the shared client kept since the last test may be closed
        HttpResponse<String> answer = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(HearthStack.appUrl() + "test/statements?pause=" + pause))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void eachPageRunsABoundedNumberOfStatementsWhateverTheRowsItShows() throws Exception {
        caseloadOfTwo();
        Map<String, Integer> small = countEachPage();
        for (int round = 2; round < 6; round++) {
            family(round);
            growFocus(round);
        }
        Map<String, Integer> large = countEachPage();

        List<String> wrong = new ArrayList<>();
        Map<String, Integer> bounds = bounds();
        small.forEach((page, first) -> {
            int second = large.get(page);
            System.out.printf(
                    "%-60s %3d statements with 2 families, %3d with 6: %s%n", page, first, second, details.get(page));
            if (second != first) {
                wrong.add(page + ": " + first + " statements with 2 families, " + second + " with 6, of which "
                        + details.get(page));
            }
            if (second > bounds.get(page)) {
                wrong.add(page + ": " + second + " statements, over its bound of " + bounds.get(page));
            }
        });
        assertThat(wrong)
                .as("pages whose statements grow with their rows, or exceed their bound")
                .isEmpty();
        assertThat(small).as("every page of the table was measured").hasSize(bounds.size());
    }

    /**
     * The family record reads what a tab shows when the counselor opens the tab, and once: opening the record
     * reads the Overview's sessions and not the notes, the readiness trend or the consents (each read of them is
     * audited, so the audit trail says what was read); opening Notes reads the notes and nothing else; going back
     * to a tab already opened asks the database nothing; a tab named in the address opens directly.
     */
    @Test
    void theFamilyRecordReadsEachTabWhenItIsOpened() throws Exception {
        caseloadOfTwo();
        By notesTab = By.xpath("//*[@id='tabs']//a[normalize-space()='Notes']");
        try (Browser browser = Browser.open()) {
            browser.signIn("stan");
            String mark = lastAuditEntry();
            browser.open(address("families/record.xhtml?id={family}"));
            browser.waitForPage();
            assertThat(browser.text("next-session"))
                    .as("the Overview shows the next session")
                    .isNotEmpty();
            statements();
            assertThat(readsSince(mark))
                    .as("opening the record: the Overview's sessions, not the notes, the trend or the consents")
                    .contains("READ_APPOINTMENT")
                    .doesNotContain("LIST_NOTES", "READ_READINESS_TREND", "READ_CONSENTS");

            mark = lastAuditEntry();
            browser.click(notesTab);
            assertThat(browser.text("tabs:notes")).contains("Signed");
            statements();
            assertThat(readsSince(mark))
                    .as("opening Notes: the session notes and the group notes, the readiness trend, and nothing else")
                    .containsExactlyInAnyOrder("LIST_NOTES", "LIST_NOTES", "READ_READINESS_TREND");

            browser.click(By.xpath("//*[@id='tabs']//a[normalize-space()='Family and members']"));
            long again = statements();
            mark = lastAuditEntry();
            browser.click(notesTab);
            assertThat(browser.text("tabs:notes")).contains("Signed");
            assertThat(statements())
                    .as("tabs already opened are shown again without asking the database")
                    .isEqualTo(again);
            assertThat(readsSince(mark)).isEmpty();

            browser.click(By.xpath("//*[@id='tabs']//a[normalize-space()='Consents']"));
            assertThat(browser.text("tabs:active-consents")).contains("No consent is in force today");
            statements();
            assertThat(readsSince(mark))
                    .as("opening Consents: the family's consents, and not the notes again")
                    .containsExactly("READ_CONSENTS");
        }
        try (Browser browser = Browser.open()) {
            browser.signIn("stan");
            String mark = lastAuditEntry();
            browser.open(address("families/record.xhtml?id={family}&tab=notes"));
            browser.waitForPage();
            assertThat(browser.text("tabs:notes"))
                    .as("the tab the address names opens directly")
                    .contains("Signed");
            statements();
            assertThat(readsSince(mark))
                    .as("the record opened on Notes reads the notes, and not the Overview's sessions")
                    .contains("LIST_NOTES")
                    .doesNotContain("READ_APPOINTMENT");
        }
    }

    private String lastAuditEntry() {
        return one("select coalesce(max(id), 0) from audit_entry");
    }

    /** What Stan's reads of the focus family were, by the audit trail, after the entry {@code mark}. */
    private List<String> readsSince(String mark) {
        return database
                .query(
                        "select action from audit_entry where id > cast(? as bigint) and family_id = cast(? as bigint)"
                                + " and username = 'stan' and action like 'READ%' or id > cast(? as bigint) and"
                                + " family_id = cast(? as bigint) and username = 'stan' and action like 'LIST%'"
                                + " order by id",
                        mark, focusFamily, mark, focusFamily)
                .stream()
                .map(row -> row.get(0))
                .toList();
    }

    /** Stan's caseload of two families with everything a page lists, and a group, a meeting and its notes. */
    private void caseloadOfTwo() {
        String program = "Statements " + SEQUENCE.incrementAndGet();
        TestData data = new TestData(database);
        programId = data.program(program);
        Keycloak.ensureUser("stan", "Stan", "Counts", "counselor");
        Keycloak.ensureUser("fern", "Fern", "Counts", "front-desk");
        Keycloak.ensureUser("sully", "Sully", "Counts", "supervisor");
        data.realmStaff("stan", "Stan Counts", "counselor", program);
        data.realmStaff("fern", "Fern Counts", "front-desk", program);
        data.realmStaff("sully", "Sully Counts", "supervisor", program);
        stanId = one("select id from staff_member where username = 'stan'");
        roomId = one("insert into room (name, capacity) values (?, 8) returning id", "Room " + program);
        groupId = one(
                "insert into support_group (name, kind, language, program_id, room_id, capacity, open_enrollment,"
                        + " recurrence, defined_by, defined_at) values (?, 'CRAFT_SKILLS', 'en', cast(? as bigint),"
                        + " cast(? as bigint), 40, true, 'FREQ=WEEKLY', 'sully', now()) returning id",
                "Group " + program,
                Long.toString(programId),
                roomId);
        ZonedDateTime meetingStart = today().atTime(18, 0).atZone(ClinicTime.zone());
        meetingId = one(
                "insert into group_session (group_id, occurs_on, starts_at, ends_at, room_id, status) values"
                        + " (cast(? as bigint), cast(? as date), cast(? as timestamptz), cast(? as timestamptz),"
                        + " cast(? as bigint), 'SCHEDULED') returning id",
                groupId,
                today().toString(),
                meetingStart.toOffsetDateTime().toString(),
                meetingStart.plusMinutes(90).toOffsetDateTime().toString(),
                roomId);
        database.update(
                "insert into group_facilitator (group_id, staff_member_id) values (cast(? as bigint), cast(? as"
                        + " bigint))",
                groupId,
                stanId);

        focusFamily = family(0);
        focusEpisode = one("select id from engagement_episode where family_id = cast(? as bigint)", focusFamily);
        focusNote = one("select id from session_note where family_id = cast(? as bigint)", focusFamily);
        focusSession = one("select appointment_id from session_note where id = cast(? as bigint)", focusNote);
        focusMember = one(
                "select id from family_member where family_id = cast(? as bigint) order by position limit 1",
                focusFamily);
        groupNote(1);
        family(1);
    }

    /** Each page of {@link #BOUNDS}, opened by its user: the statements of its second opening. */
    private Map<String, Integer> countEachPage() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, List<String>> pagesByUser = new LinkedHashMap<>();
        rows().forEach(row ->
                pagesByUser.computeIfAbsent(row[0], u -> new ArrayList<>()).add(row[1]));
        for (Map.Entry<String, List<String>> user : pagesByUser.entrySet()) {
            try (Browser browser = Browser.open()) {
                browser.signIn(user.getKey());
                for (String page : user.getValue()) {
                    String address = address(page);
                    Consumer<Browser> open = page.equals("families/search.xhtml")
                            ? b -> {
                                b.open(address);
                                b.waitForPage();
                                b.type("search-form:text", "Statements");
                                b.click("search-form:search");
                                b.waitForPage();
                            }
                            : b -> {
                                b.open(address);
                                b.waitForPage();
                            };
                    open.accept(browser); // the first opening may sign the user's staff record in
                    long before = statements();
                    List<String> detailBefore = statistics();
                    open.accept(browser);
                    long after = statements();
                    details.put(user.getKey() + " " + page, difference(detailBefore, statistics()));
                    assertThat(browser.driver().findElements(By.id("page-heading")))
                            .as(user.getKey() + " sees " + page)
                            .isNotEmpty();
                    assertThat(browser.driver().findElements(By.className("error-message")))
                            .as(user.getKey() + " sees " + page + ", not an error page")
                            .isEmpty();
                    assertThat(browser.messages())
                            .as(user.getKey() + " sees " + page + " without an error message")
                            .doesNotContain("went wrong");
                    counts.put(user.getKey() + " " + page, (int) (after - before));
                }
            }
        }
        return counts;
    }

    /** The statements run so far, once the server has settled (no request of the page still under way). */
    private long statements() throws Exception {
        long count = Long.parseLong(statistics().get(0).split(" ")[0]);
        for (int i = 0; i < 20; i++) {
            Thread.sleep(150);
            long again = Long.parseLong(statistics().get(0).split(" ")[0]);
            if (again == count) {
                return count;
            }
            count = again;
        }
        return count;
    }

    private List<String> statistics() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(HearthStack.appUrl() + "test/statements"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body().lines().toList();
    }

    /** What a page fetched one by one, and its queries, as the difference of two readings. */
    private static List<String> difference(List<String> before, List<String> after) {
        Map<String, Long> counted = new LinkedHashMap<>();
        after.stream().skip(1).forEach(line -> counted.merge(key(line), value(line), Long::sum));
        before.stream().skip(1).forEach(line -> counted.merge(key(line), -value(line), Long::sum));
        return counted.entrySet().stream()
                .filter(e -> e.getValue() != 0)
                .map(e -> e.getValue() + " x " + e.getKey())
                .toList();
    }

    private static String key(String line) {
        return line.startsWith("query ")
                ? "query" + line.substring(line.indexOf(' ', 6))
                : line.substring(0, line.lastIndexOf(' '));
    }

    private static long value(String line) {
        return line.startsWith("query ")
                ? Long.parseLong(line.substring(6, line.indexOf(' ', 6)))
                : Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
    }

    private String address(String page) {
        return page.replace("{family}", focusFamily)
                .replace("{episode}", focusEpisode)
                .replace("{note}", focusNote)
                .replace("{session}", focusSession)
                .replace("{group}", groupId)
                .replace("{meeting}", meetingId);
    }

    private Map<String, Integer> bounds() {
        Map<String, Integer> bounds = new LinkedHashMap<>();
        rows().forEach(row -> bounds.put(row[0] + " " + row[1], Integer.parseInt(row[2])));
        return bounds;
    }

    private static List<String[]> rows() {
        return BOUNDS.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+"))
                .toList();
    }

    /**
     * One more family of Stan's caseload: two members (the first in the group, marked at its meeting), a loved
     * one with an overdue follow-up and two events, a session today and a signed note of a session last week,
     * reviewed for MITI.
     */
    private String family(int round) {
        int n = SEQUENCE.incrementAndGet();
        String family = one(
                "insert into family (case_number, intake_year, case_sequence, program_id, family_name, status,"
                        + " preferred_language, referral_source, opened_on, primary_counselor_id, registered_by,"
                        + " registered_at, last_contact_on) values (?, 1999, cast(? as integer), cast(? as bigint), ?,"
                        + " 'ACTIVE', 'en', 'SELF', current_date - 60, cast(? as bigint), 'fern', now(), current_date"
                        + " - 40) returning id",
                String.format("F-1999-%05d", n),
                Integer.toString(n),
                Long.toString(programId),
                "Statements " + n,
                stanId);
        String firstMember = member(family, 0);
        member(family, 1);
        database.update(
                "insert into intake (family_id, started_by, started_at, updated_by, updated_at) values (cast(? as"
                        + " bigint), 'stan', now(), 'stan', now())",
                family);
        String lovedOne = one(
                "insert into loved_one (family_id, position, alias, relationship) values (cast(? as bigint), 0,"
                        + " 'L.', 'SON_OR_DAUGHTER') returning id",
                family);
        String episode = one(
                "insert into engagement_episode (family_id, loved_one_id, status, opened_by, opened_at,"
                        + " next_follow_up_on, last_event_on) values (cast(? as bigint), cast(? as bigint), 'REFUSING',"
                        + " 'stan', now() - interval '30 days', current_date - 2, current_date - 10) returning id",
                family,
                lovedOne);
        event(episode, 20);
        event(episode, 10);
        ZonedDateTime today = today().atTime(8, 0).plusMinutes(50L * round).atZone(ClinicTime.zone());
        String todays = session(family, today, "SCHEDULED");
        database.update(
                "insert into appointment_member (appointment_id, family_member_id) values (cast(? as bigint),"
                        + " cast(? as bigint))",
                todays,
                firstMember);
        note(family, today.minusDays(7));
        database.update(
                "insert into group_enrollment (group_id, family_member_id, status, position, enrolled_at) values"
                        + " (cast(? as bigint), cast(? as bigint), 'ENROLLED', cast(? as integer), now())",
                groupId,
                firstMember,
                Integer.toString(round));
        database.update(
                "insert into group_attendance (group_session_id, family_member_id, mark, recorded_by, recorded_at)"
                        + " values (cast(? as bigint), cast(? as bigint), 'PRESENT', 'fern', now())",
                meetingId,
                firstMember);
        return family;
    }

    /** The focus family and its episode grow too: a member, an event, a noted session and a group note more. */
    private void growFocus(int round) {
        groupNote(round);
        member(focusFamily, 10 + round);
        event(focusEpisode, 5 - round / 2);
        note(focusFamily, today().atTime(9, 0).minusDays(14L + round).atZone(ClinicTime.zone()));
        database.update(
                "insert into appointment_member (appointment_id, family_member_id) select a.id, cast(? as bigint)"
                        + " from session_note n join appointment a on a.id = n.appointment_id where n.id = cast(? as"
                        + " bigint) on conflict do nothing",
                focusMember,
                focusNote);
    }

    /**
     * A meeting of the group some weeks ago and its signed group note by Stan, with a section on the focus
     * family's first member: the family record lists the family's group notes, each naming its participants.
     */
    private void groupNote(int weeksAgo) {
        ZonedDateTime start = today().minusWeeks(weeksAgo).atTime(18, 0).atZone(ClinicTime.zone());
        String meeting = one(
                "insert into group_session (group_id, occurs_on, starts_at, ends_at, room_id, status) values"
                        + " (cast(? as bigint), cast(? as date), cast(? as timestamptz), cast(? as timestamptz),"
                        + " cast(? as bigint), 'SCHEDULED') returning id",
                groupId,
                start.toLocalDate().toString(),
                start.toOffsetDateTime().toString(),
                start.plusMinutes(90).toOffsetDateTime().toString(),
                roomId);
        String note = one(
                "insert into group_note (group_session_id, author_id, status, body, created_at, updated_at) values"
                        + " (cast(? as bigint), cast(? as bigint), 'DRAFT', 'Practised the invitation.', now(), now())"
                        + " returning id",
                meeting,
                stanId);
        database.update(
                "insert into group_note_section (note_id, family_member_id, family_id, text) values (cast(? as"
                        + " bigint), cast(? as bigint), cast(? as bigint), 'Took part.')",
                note,
                focusMember,
                focusFamily);
        database.update(
                "update group_note set status = 'SIGNED', signed_at = now(), content_hash = ? where id = cast(? as"
                        + " bigint)",
                "0".repeat(64),
                note);
    }

    private String member(String family, int position) {
        return one(
                "insert into family_member (family_id, position, full_name, age_years, relationship) values (cast(?"
                        + " as bigint), cast(? as integer), ?, 50, 'PARENT') returning id",
                family,
                Integer.toString(position),
                "Member " + position + " of " + family);
    }

    private void event(String episode, int daysAgo) {
        database.update(
                "insert into episode_event (episode_id, occurred_on, kind, offered_by, response, refusal_reasons,"
                        + " recorded_by, recorded_at) values (cast(? as bigint), current_date - cast(? as integer),"
                        + " 'TREATMENT_OFFERED', 'FAMILY_INVITATION', 'REFUSED', 'DENIAL', 'stan', now())",
                episode,
                Integer.toString(daysAgo));
    }

    private String session(String family, ZonedDateTime start, String status) {
        return one(
                "insert into appointment (family_id, kind, counselor_id, room_id, telehealth, starts_at, ends_at,"
                        + " status, booked_by, booked_at) values (cast(? as bigint), 'CRAFT_SESSION', cast(? as bigint),"
                        + " cast(? as bigint), false, cast(? as timestamptz), cast(? as timestamptz), ?, 'fern', now())"
                        + " returning id",
                family,
                stanId,
                roomId,
                start.toOffsetDateTime().toString(),
                start.plusMinutes(45).toOffsetDateTime().toString(),
                status);
    }

    /** A completed session at {@code start}, its note signed by Stan and reviewed for MITI by Sully. */
    private void note(String family, ZonedDateTime start) {
        String session = session(family, start, "COMPLETED");
        database.update(
                "insert into session_note (appointment_id, family_id, author_id, status, craft_procedures,"
                        + " created_at, updated_at, signed_at, content_hash) values (cast(? as bigint), cast(? as"
                        + " bigint), cast(? as bigint), 'SIGNED', 'POSITIVE_COMMUNICATION', now(), now(), now(), ?)",
                session,
                family,
                stanId,
                "0".repeat(64));
        database.update(
                "insert into miti_review (appointment_id, counselor_id, reviewer_id, self_review, questions,"
                        + " simple_reflections, complex_reflections, affirm, seeking_collaboration,"
                        + " emphasizing_autonomy, persuade, persuade_with_permission, confront, giving_information,"
                        + " cultivating_change_talk, softening_sustain_talk, partnership, empathy, reviewed_at)"
                        + " select a.id, a.counselor_id, s.id, false, 6, 5, 4, 1, 1, 1, 0, 0, 0, 1, 4, 4, 4, 4, now()"
                        + " from appointment a, staff_member s where a.id = cast(? as bigint) and s.username = 'sully'",
                session);
    }

    private String one(String sql, String... parameters) {
        return database.query(sql, parameters).get(0).get(0);
    }

    private static LocalDate today() {
        return LocalDate.now(ClinicTime.zone());
    }
}
