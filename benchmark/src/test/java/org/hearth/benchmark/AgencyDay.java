package org.hearth.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.incrementConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A day at a large agency, against the running stack: front desk, counselors, supervisors and API clients, each
 * a closed population that signs in through Keycloak (pages: the login form; the API: a token) and works as a
 * real day looks, with think times. The concurrent users rise in tiers to {@code bench.users}; every request
 * type is named, and the run fails on any error. Writes go through the REST API the pages' services share and
 * are named "(API)"; page requests fetch the page itself. Beside them, a few administrators open their own
 * profile, page and API, in a loop with the same think times: the stack floor, what any signed-in request costs
 * before it reads anything (the report judges each page against 3 x its SQL floor plus that).
 *
 * <p>Properties: {@code bench.users} (50), {@code bench.levels} (5 tiers), {@code bench.levelSeconds} (60),
 * {@code bench.rampSeconds} (10), {@code bench.baseUrl}, {@code bench.keycloakUrl}, {@code bench.dbUrl} (the
 * records each persona works on are read from the database before the run: {@link Records}), {@code bench.day}
 * (the day the front desk works on: today when the clinic is open, else its next open day; by default the first
 * day from today with scheduled sessions).
 */
public class AgencyDay extends Simulation {

    static final String BASE = System.getProperty("bench.baseUrl", "http://localhost:8080");
    static final String KEYCLOAK = System.getProperty("bench.keycloakUrl", "http://localhost:8180");
    static final int USERS = Integer.getInteger("bench.users", 50);
    static final int LEVELS = Integer.getInteger("bench.levels", 5);
    static final int LEVEL_SECONDS = Integer.getInteger("bench.levelSeconds", 60);
    static final int RAMP_SECONDS = Integer.getInteger("bench.rampSeconds", 10);
    static final int THINK_MIN = Integer.getInteger("bench.thinkMin", 5);
    static final int THINK_MAX = Integer.getInteger("bench.thinkMax", 15);
    /** Two minutes: a token renewed at the start of a round (itself up to about two minutes of thinking) outlives it. */
    static final long TOKEN_RENEWAL_MILLIS = 2 * 60_000L;

    static final String PASSWORD = "hearth-demo";
    static final ZoneId CLINIC = ZoneId.of(System.getProperty("bench.clinicZone", "America/New_York"));

    /** The users of each persona at the top tier: their shares of {@link #USERS}, and the stack floor's few. */
    static final double FRONT_DESK_SHARE = 0.30;

    static final double COUNSELOR_SHARE = 0.40;
    static final double SUPERVISOR_SHARE = 0.15;
    static final double API_CLIENT_SHARE = 0.15;
    static final int STACK_FLOOR_USERS = injected(Math.max(2, (int) Math.round(USERS * 0.05)));

    static final Records RECORDS = Records.read(
            System.getProperty(
                    "bench.dbUrl", "jdbc:postgresql://localhost:15432/hearth?user=hearth_owner&password=hearth_owner"),
            System.getProperty("bench.day", "").isBlank() ? null : LocalDate.parse(System.getProperty("bench.day")),
            Map.of(
                    "frontDesk", injected(top(FRONT_DESK_SHARE)),
                    "counselors", injected(top(COUNSELOR_SHARE)),
                    "supervisors", injected(top(SUPERVISOR_SHARE)),
                    "apiClients", injected(top(API_CLIENT_SHARE)),
                    "admins", STACK_FLOOR_USERS));

    /** Whether the front desk works on today (it checks families in) or on a day ahead (it takes cancellations). */
    static final boolean TODAY = RECORDS.day().equals(LocalDate.now(CLINIC));

    /** The days from today to the front desk's day: the schedule page's "next day" clicks to get there. */
    static final int DAYS_AHEAD = (int) ChronoUnit.DAYS.between(LocalDate.now(CLINIC), RECORDS.day());

    HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("text/html,application/xhtml+xml,application/json")
            .acceptLanguageHeader("en")
            .userAgentHeader("Hearth benchmark (Gatling)")
            .disableCaching();

    /** The login page, then the credentials: back on Hearth with a session, on the role's home page. */
    static ChainBuilder signIn(String home) {
        return exec(http("sign in: Keycloak login page")
                        .get("/hearth/")
                        .check(css("#kc-form-login", "action").saveAs("loginAction")))
                .pause(Duration.ofSeconds(1))
                .exec(http("sign in: credentials and home page")
                        .post("#{loginAction}")
                        .formParam("username", "#{username}")
                        .formParam("password", PASSWORD)
                        .formParam("credentialId", "")
                        .check(css("#page-heading").exists())
                        .check(substring(home)));
    }

    /** A bearer token as an API script gets one: the dev-only password-grant client of the realm. */
    static ChainBuilder token() {
        return exec(http("API token (Keycloak)")
                        .post(KEYCLOAK + "/realms/hearth/protocol/openid-connect/token")
                        // a script sends no Origin; Gatling adds the last page's to a POST, which Keycloak refuses
                        // for this client (403 "Invalid origin"): the token endpoint's own origin stands for none
                        .header("Origin", KEYCLOAK)
                        .formParam("grant_type", "password")
                        .formParam("client_id", "hearth-dev-cli")
                        .formParam("username", "#{username}")
                        .formParam("password", PASSWORD)
                        .check(jsonPath("$.access_token").saveAs("token")))
                .exec(session -> session.set("tokenAt", System.currentTimeMillis()));
    }

    /** A token renewed before it expires (the realm's tokens live 5 minutes), as an API client keeps one. */
    static ChainBuilder freshToken() {
        return doIf(session -> System.currentTimeMillis() - session.getLong("tokenAt") > TOKEN_RENEWAL_MILLIS)
                .then(token());
    }

    static ChainBuilder page(String name, String path) {
        return exec(http(name)
                .get("/hearth/" + path)
                .check(status().is(200))
                .check(css("#page-heading").exists())
                .check(css(".error-message").notExists()));
    }

    /**
     * The treatment-provider directory (issue 24), as every staff role reads it: the list page, then a search with
     * filters (level of care, payment, language), which the database filters - through the API, the page's filter
     * form being the same service call after an AJAX post.
     */
    static ChainBuilder directory(String role, String levelOfCare, String language) {
        return exec(page(role + ": treatment providers", "providers/index.xhtml"))
                .exec(think())
                .exec(http(role + ": treatment providers filtered (API)")
                        .get("/hearth/api/v1/providers?levelOfCare=" + levelOfCare + "&payment=MEDICAID&language="
                                + language + "&max=25")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().is(200)));
    }

    /** A user's pause between two steps: reading, typing, talking with the family at the desk. */
    static ChainBuilder think() {
        return exec(session -> session).pause(Duration.ofSeconds(THINK_MIN), Duration.ofSeconds(THINK_MAX));
    }

    // Front desk: the day's schedule, a search, a booking moved, an arrival, a group's roster

    ScenarioBuilder frontDesk = scenario("front desk")
            .feed(listFeeder(RECORDS.frontDesk()).queue())
            .exec(token())
            .exec(signIn("Today"))
            .exitHereIfFailed()
            .asLongAs(session -> more())
            .on(exec(nextWork(false))
                    .exec(freshToken())
                    .exec(think())
                    .exec(schedule())
                    .exec(think())
                    .exec(http("front desk: search page")
                            .get("/hearth/families/search.xhtml")
                            .check(css("input[name='jakarta.faces.ViewState']", "value")
                                    .saveAs("viewState"))
                            // PrimeFaces' CSP mode: an AJAX request carries the page's nonce, as its script sends it
                            .check(css("script[nonce]", "nonce").saveAs("nonce")))
                    .exec(think())
                    .exec(http("front desk: search a family")
                            .post("/hearth/families/search.xhtml")
                            .header("Faces-Request", "partial/ajax")
                            .formParam("jakarta.faces.partial.ajax", "true")
                            .formParam("jakarta.faces.source", "search-form:search")
                            .formParam("jakarta.faces.partial.execute", "search-form")
                            .formParam("jakarta.faces.partial.render", "search-form")
                            .formParam("search-form:search", "search-form:search")
                            .formParam("search-form", "search-form")
                            .formParam("search-form:text", "#{searchTerm}")
                            .formParam("jakarta.faces.ViewState", "#{viewState}")
                            .formParam("primefaces.nonce", "#{nonce}")
                            .check(substring("#{caseNumber}")))
                    .exec(think())
                    // as a clerk books: at a time the counselor, the family and the clinic have free
                    .exec(session -> session.set("start", RECORDS.slots().next())
                            .set("moved", RECORDS.slots().next()))
                    .exec(http("front desk: book a session (API)")
                            .post("/hearth/api/v1/appointments")
                            .header("Authorization", "Bearer #{token}")
                            .header("Content-Type", "application/json")
                            .body(StringBody("{\"familyId\": #{familyId}, \"kind\": \"FAMILY_THERAPY\","
                                    + " \"memberIds\": [#{memberId}], \"counselorUsername\": \"#{counselor}\","
                                    + " \"roomId\": null, \"telehealth\": true, \"start\": \"#{start}\","
                                    + " \"minutes\": 50}"))
                            .check(status().is(201))
                            .check(jsonPath("$.id").saveAs("booked"))
                            .check(jsonPath("$.version").saveAs("bookedVersion")))
                    .exec(think())
                    .exec(http("front desk: move the session (API)")
                            .put("/hearth/api/v1/appointments/#{booked}")
                            .header("Authorization", "Bearer #{token}")
                            .header("Content-Type", "application/json")
                            .body(StringBody("{\"start\": \"#{moved}\", \"minutes\": 50, \"roomId\": null,"
                                    + " \"telehealth\": true, \"version\": #{bookedVersion}}"))
                            .check(status().is(200)))
                    .exec(think())
                    // a session is checked in (or cancelled) once: a clerk whose list is done goes on without
                    .doIf(session -> session.getBoolean("fresh"))
                    .then(exec(arrival()))
                    .exec(think())
                    .exec(page("front desk: a group's roster", "groups/roster.xhtml?session=#{groupSession}"))
                    .exec(think())
                    .exec(directory("front desk", "OUTPATIENT", "es")));

    /**
     * The day's schedule: today's page, then, when the front desk works on a day ahead (today the clinic is
     * closed), its "next day" button until that day, as a clerk looks at the sessions to come.
     */
    static ChainBuilder schedule() {
        if (DAYS_AHEAD == 0) {
            return page("front desk: today's schedule", "schedule/today.xhtml");
        }
        return exec(http("front desk: today's schedule")
                        .get("/hearth/schedule/today.xhtml")
                        .check(status().is(200))
                        .check(css("#page-heading").exists())
                        .check(css("input[name='jakarta.faces.ViewState']", "value")
                                .saveAs("scheduleState"))
                        .check(css("script[nonce]", "nonce").saveAs("scheduleNonce")))
                .repeat(DAYS_AHEAD)
                .on(exec(think())
                        .exec(http("front desk: the next day's schedule")
                                .post("/hearth/schedule/today.xhtml")
                                .header("Faces-Request", "partial/ajax")
                                .formParam("jakarta.faces.partial.ajax", "true")
                                .formParam("jakarta.faces.source", "today-form:next-day")
                                .formParam("jakarta.faces.partial.execute", "today-form:next-day")
                                .formParam("jakarta.faces.partial.render", "today-form")
                                .formParam("today-form:next-day", "today-form:next-day")
                                .formParam("today-form", "today-form")
                                .formParam("jakarta.faces.ViewState", "#{scheduleState}")
                                .formParam("primefaces.nonce", "#{scheduleNonce}")
                                .check(status().is(200))
                                .check(substring("today-form:sessions"))
                                .check(substring("<error>").notExists())));
    }

    /**
     * A family arrives for one of today's sessions; on a day ahead (the clinic is closed today), a family calls
     * to cancel one of that day's: a session can be checked in only on its own day.
     */
    static ChainBuilder arrival() {
        if (TODAY) {
            return exec(http("front desk: check a family in (API)")
                    .post("/hearth/api/v1/appointments/#{arriving}/check-in")
                    .header("Authorization", "Bearer #{token}")
                    .header("Content-Type", "application/json")
                    .body(StringBody("{\"version\": #{arrivingVersion}}"))
                    .check(status().is(200)));
        }
        return exec(http("front desk: cancel at the family's call (API)")
                .post("/hearth/api/v1/appointments/#{arriving}/cancellation")
                .header("Authorization", "Bearer #{token}")
                .header("Content-Type", "application/json")
                .body(StringBody("{\"byFamily\": true, \"reason\": \"The family called: a child is ill.\","
                        + " \"version\": #{arrivingVersion}}"))
                .check(status().is(200)));
    }

    // Counselor: the caseload, a family, a note written and signed, an episode event, the timeline

    ScenarioBuilder counselor = scenario("counselor")
            .feed(listFeeder(RECORDS.counselors()).queue())
            .exec(token())
            .exec(signIn("My caseload"))
            .exitHereIfFailed()
            .asLongAs(session -> more())
            .on(exec(nextWork(false))
                    .exec(freshToken())
                    .exec(think())
                    .exec(page("counselor: my caseload", "caseload/index.xhtml"))
                    .exec(think())
                    .exec(directory("counselor", "INTENSIVE_OUTPATIENT", "en"))
                    .exec(think())
                    .exec(page("counselor: family record", "families/record.xhtml?id=#{familyId}"))
                    .exec(think())
                    .exec(page("counselor: family plan", "families/record.xhtml?id=#{familyId}&tab=plan"))
                    .exec(think())
                    .exec(page("counselor: note page", "notes/note.xhtml?id=#{noteId}"))
                    .exec(think())
                    // a note is signed once: a counselor whose drafts are all signed goes on reading and charting
                    .doIf(session -> session.getBoolean("fresh"))
                    .then(exec(http("counselor: write the note (API)")
                                    .put("/hearth/api/v1/notes/#{noteId}")
                                    .header("Authorization", "Bearer #{token}")
                                    .header("Content-Type", "application/json")
                                    .body(StringBody(
                                            "{\"content\": {\"data\": \"The family practised the invitation.\","
                                                    + " \"assessment\": \"More change talk from the loved one.\", \"plan\": \"Invite"
                                                    + " at a calm moment this week.\", \"craftProcedures\":"
                                                    + " [\"TREATMENT_INVITATION\"]}, \"version\": #{noteVersion}}"))
                                    .check(status().is(200))
                                    .check(jsonPath("$.version").saveAs("savedVersion")))
                            .exec(think())
                            .exec(http("counselor: sign the note (API)")
                                    .post("/hearth/api/v1/notes/#{noteId}/sign")
                                    .header("Authorization", "Bearer #{token}")
                                    .header("Content-Type", "application/json")
                                    .body(StringBody("{\"version\": #{savedVersion}}"))
                                    .check(status().is(200))))
                    .exec(think())
                    .exec(http("counselor: record an episode event (API)")
                            .post("/hearth/api/v1/episodes/#{episodeId}/events")
                            .header("Authorization", "Bearer #{token}")
                            .header("Content-Type", "application/json")
                            .body(StringBody(session -> "{\"kind\": \"STAGE_OBSERVED\", \"on\": \""
                                    + LocalDate.now(CLINIC) + "\", \"stage\": \"CONTEMPLATION\"}"))
                            .check(status().is(201)))
                    .exec(think())
                    .exec(page("counselor: episode timeline", "episodes/episode.xhtml?id=#{episodeId}")));

    // Supervisor: the program overview, a figure's list, the caseloads, the exports

    ScenarioBuilder supervisor = scenario("supervisor")
            .feed(listFeeder(RECORDS.supervisors()).circular())
            .exec(token())
            .exec(signIn("Program overview"))
            .exitHereIfFailed()
            .asLongAs(session -> more())
            .on(exec(nextWork(true))
                    .exec(freshToken())
                    .exec(think())
                    .exec(page("supervisor: program overview", "reports/overview.xhtml"))
                    .exec(think())
                    .exec(page(
                            "supervisor: a figure's list",
                            "reports/list.xhtml?figure=ENTERED_TREATMENT&from=#{yearAgo}&to=#{today}"))
                    .exec(think())
                    .exec(page(
                            "supervisor: a figure's list (referrals lost)",
                            "reports/list.xhtml?figure=REFERRALS_LOST&key=CHANGED_MIND&from=#{yearAgo}&to=#{today}"))
                    .exec(think())
                    .exec(page("supervisor: caseloads", "reports/caseloads.xhtml"))
                    .exec(think())
                    .exec(directory("supervisor", "OPIOID_TREATMENT_PROGRAM", "en"))
                    .exec(think())
                    .exec(http("supervisor: export CSV (API)")
                            .get("/hearth/api/v1/reports/export?format=csv")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200)))
                    .exec(think())
                    .exec(http("supervisor: export XLSX (API)")
                            .get("/hearth/api/v1/reports/export?format=xlsx")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200)))
                    .exec(think())
                    .exec(http("supervisor: program report PDF (API)")
                            .get("/hearth/api/v1/reports/export?format=pdf")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200))));

    // The stack floor: an administrator's own profile, the lightest signed-in page (one staff record, one audit
    // entry), and the same through the API

    ScenarioBuilder stackFloor = scenario("stack floor")
            .feed(listFeeder(RECORDS.admins()).circular())
            .exec(token())
            .exec(signIn("Administration"))
            .exitHereIfFailed()
            .asLongAs(session -> more())
            .on(exec(nextWork(true))
                    .exec(freshToken())
                    .exec(think())
                    .exec(http("stack floor: my profile")
                            .get("/hearth/profile.xhtml")
                            .check(status().is(200))
                            .check(css("#page-heading").exists())
                            .check(css("#profile-username").isEL("#{username}")))
                    .exec(think())
                    .exec(http("stack floor: my profile (API)")
                            .get("/hearth/api/v1/me")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200))
                            .check(jsonPath("$.username").isEL("#{username}"))));

    // API clients: a script reading a caseload and an episode, recording an event, reading the schedule

    ScenarioBuilder apiClient = scenario("API client")
            .feed(listFeeder(RECORDS.apiClients()).circular())
            .exec(token())
            .exitHereIfFailed()
            .asLongAs(session -> more())
            .on(exec(nextWork(true))
                    .exec(freshToken())
                    .exec(think())
                    .exec(http("API: my caseload")
                            .get("/hearth/api/v1/caseload")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200)))
                    .exec(think())
                    .exec(http("API: an episode")
                            .get("/hearth/api/v1/episodes/#{episodeId}")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200)))
                    .exec(think())
                    .exec(http("API: record an episode event")
                            .post("/hearth/api/v1/episodes/#{episodeId}/events")
                            .header("Authorization", "Bearer #{token}")
                            .header("Content-Type", "application/json")
                            .body(StringBody(session -> "{\"kind\": \"STAGE_OBSERVED\", \"on\": \""
                                    + LocalDate.now(CLINIC) + "\", \"stage\": \"PRECONTEMPLATION\"}"))
                            .check(status().is(201)))
                    .exec(think())
                    .exec(http("API: my sessions this week")
                            .get("/hearth/api/v1/appointments?from=#{today}&to=#{weekAhead}")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200))));

    {
        // of the users at each tier: 30% front desk, 40% counselors, 15% supervisors, 15% API clients
        List<PopulationBuilder> populations = List.of(
                frontDesk.injectClosed(tiers(top(FRONT_DESK_SHARE))),
                counselor.injectClosed(tiers(top(COUNSELOR_SHARE))),
                supervisor.injectClosed(tiers(top(SUPERVISOR_SHARE))),
                apiClient.injectClosed(tiers(top(API_CLIENT_SHARE))),
                stackFloor.injectClosed(tiers(STACK_FLOOR_USERS)));
        setUp(populations)
                .protocols(protocol)
                .assertions(
                        global().failedRequests().count().is(0L),
                        forAll().failedRequests().count().is(0L));
    }

    /** A persona's users at the top tier: its share of {@link #USERS}, at least one. */
    static int top(double share) {
        return Math.max(1, (int) Math.round(USERS * share));
    }

    /** The users {@link #tiers} starts for a persona of {@code top} users: {@link #LEVELS} equal steps. */
    static int injected(int top) {
        return Math.max(1, top / LEVELS) * LEVELS;
    }

    /**
     * Concurrent users of one persona in {@link #LEVELS} equal steps up to about {@code top}: {@link #injected}
     * users in all, the rows of its feeder.
     */
    static ClosedInjectionStep[] tiers(int top) {
        int step = injected(top) / LEVELS;
        return new ClosedInjectionStep[] {
            incrementConcurrentUsers(step)
                    .times(LEVELS)
                    .eachLevelLasting(Duration.ofSeconds(LEVEL_SECONDS))
                    .separatedByRampsLasting(Duration.ofSeconds(RAMP_SECONDS))
                    .startingFrom(0)
        };
    }

    /**
     * The end of the last tier: a user who finishes a round of work after it signs off, so the run ends with the
     * injection profile instead of with the slowest user's list.
     */
    static final long RUN_SECONDS = (long) LEVELS * (LEVEL_SECONDS + RAMP_SECONDS);

    private static final AtomicLong END = new AtomicLong();

    /**
     * Whether the user goes on with another round: while time is left. A user whose own work is done (every note
     * signed, every session checked in) goes on with rounds that only read and book (see {@link #nextWork}): a user
     * who stopped would be replaced by a new one from the feeder, which a long run (the soak) would empty.
     */
    static boolean more() {
        END.compareAndSet(0, System.currentTimeMillis() + RUN_SECONDS * 1000);
        return System.currentTimeMillis() < END.get();
    }

    /**
     * The user's next round of work: its records (a session to check in, a note to sign...) set on the session, and
     * {@code fresh} whether they are still to do (false once the user's list has come round again, when the steps
     * that can be done once, checking in and signing, are left out).
     */
    static ChainBuilder nextWork(boolean repeat) {
        return exec(session -> {
            List<Map<String, Object>> work = session.getList("work");
            int round = session.contains("round") ? session.getInt("round") : 0;
            return session.setAll(work.get(round % work.size()))
                    .set("round", round + 1)
                    .set("fresh", repeat || round < work.size());
        });
    }

    static Map<String, Object> dates() {
        LocalDate today = LocalDate.now(CLINIC);
        return Map.of(
                "today", today.toString(),
                "yearAgo", today.minusYears(1).toString(),
                "weekAhead", today.plusDays(7).toString());
    }
}
