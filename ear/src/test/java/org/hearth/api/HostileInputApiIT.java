package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.testing.ApiClient;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint of the REST API, sent what a careless or hostile client sends: bodies that are not JSON, of
 * the wrong shape, with every field missing, of the wrong type, huge, negative, an impossible date, or script
 * and SQL; ids that are negative, zero, too big for a number, or not numbers; query parameters likewise. Sent
 * by each kind of staff member (front desk, the family's counselor, the supervisor, the administrator), so
 * that the requests reach the rules past the role checks. No answer may be a server error or show a stack
 * trace, every refused write is a 4xx with a problem body, and afterwards no table but the audit trail holds
 * one row more or less than before.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class HostileInputApiIT {

    private static final List<String> USERS = List.of("frida", "carlos", "sam", "ada");

    /** The field names the API's bodies use; a hostile body sets all of them to the same wrong value. */
    private static final List<String> FIELDS = List.of(
            "address",
            "affirm",
            "ageYears",
            "alias",
            "appointmentId",
            "asam",
            "byFamily",
            "capacity",
            "childrenInHome",
            "closesAt",
            "complexReflections",
            "confidence",
            "confirmedOn",
            "confront",
            "content",
            "counselorUsername",
            "count",
            "counts",
            "cultivatingChangeTalk",
            "data",
            "date",
            "dateOfBirth",
            "day",
            "days",
            "description",
            "domesticViolence",
            "email",
            "empathy",
            "emphasizingAutonomy",
            "end",
            "expiresOn",
            "facilitatorUsernames",
            "familyGoals",
            "familyId",
            "familyName",
            "firstDate",
            "from",
            "fullName",
            "givenOn",
            "givingInformation",
            "globals",
            "groupId",
            "hours",
            "how",
            "importance",
            "inUse",
            "intervalWeeks",
            "kind",
            "language",
            "languages",
            "lastDate",
            "levelOfCare",
            "lovedOnes",
            "mark",
            "marks",
            "meetings",
            "memberId",
            "memberIds",
            "memberWord",
            "members",
            "minutes",
            "name",
            "note",
            "on",
            "opensAt",
            "optedOut",
            "participates",
            "partnership",
            "persuade",
            "phone",
            "plan",
            "preferredLanguage",
            "programId",
            "purpose",
            "questions",
            "readiness",
            "reason",
            "reasons",
            "recipientName",
            "recipientOrganisation",
            "referralSource",
            "relationship",
            "resourceIds",
            "roomId",
            "scope",
            "setting",
            "signedOn",
            "simpleReflections",
            "stage",
            "start",
            "startTime",
            "startsOn",
            "text",
            "to",
            "toStatus",
            "until",
            "version",
            "website",
            "weekdays");

    /** Long enough to overflow every column, short enough that all fields at once stay under the 10 MB cap. */
    private static final String HUGE = "x".repeat(20_000);

    private static final String SCRIPT = "<script>alert('hearth')</script>";
    private static final String SQL = "1'; drop table family; --";

    /** Whole bodies: not JSON, the wrong shape, nothing, and every field wrong in one way. */
    private static final Map<String, String> BODIES = bodies();

    /** The writes that read no body: a hostile body changes nothing about them. */
    private static final Set<String> BODILESS = Set.of("consents/{id}/disclosures");

    /** Values for an id in the path. */
    private static final List<String> IDS =
            List.of("-1", "0", "99999999999999999999", "abc", "1%20or%201=1", "%3Cscript%3E", "1.5");

    /** Values for a query parameter. */
    private static final List<String> PARAMETERS = List.of(
            "-1",
            "2026-02-30",
            "yesterday",
            "99999999999999999999",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "1%27%20or%20%271%27%3D%271",
            "y".repeat(6_000));

    private final ApiClient api = ApiClient.overHttp11();
    private final Sql database = Sql.testDatabase();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private long tokensAt;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    /** One endpoint: its method, its path with {id} where a record's id goes, and its query parameters. */
    private record Endpoint(String method, String path, List<String> parameters) {

        /** Whether it changes something; the duplicate check is a question asked by POST. */
        boolean writes() {
            return !method.equals("GET") && !path.equals("families/duplicate-check");
        }

        /** Whether it reads a body; the few actions that read none are spoiled by their ids and parameters. */
        boolean hasBody() {
            return (method.equals("POST") || method.equals("PUT")) && !BODILESS.contains(path);
        }
    }

    @Test
    void noHostileRequestGetsAServerErrorOrStoresAnything() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Hostile " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("ada", "Ada Kowalski", "admin");
        long familyId = api.registerFamilyOfOne(programId, "Hostile-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        String f = Long.toString(familyId);
        String episode = new TestData(database)
                .episode(Long.parseLong(f))
                .lovedOne("H.", "SIBLING")
                .insert();
        String member = first("select id from family_member where family_id = cast(? as bigint)", f);
        LocalDate today = LocalDate.now(ClinicTime.zone());
        HttpResponse<String> consent = api.send(
                "carlos",
                "POST",
                "consents?family=" + f,
                "{\"memberId\": " + member + ", \"recipientName\": \"Dr. Lima\", \"purpose\": \"care\","
                        + " \"scope\": \"ATTENDANCE\", \"signedOn\": \"" + today + "\", \"startsOn\": \"" + today
                        + "\", \"expiresOn\": \"" + today.plusMonths(1) + "\"}");
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
        String consentId =
                Long.toString(json(consent.body()).getJsonNumber("id").longValue());

        // the records the ids in the paths name: this family's, or - where the test has none - any there is
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("families", f);
        ids.put("episodes", episode);
        ids.put("consents", consentId);
        ids.put("accounting", member);
        ids.put("members", member);
        // records of other kinds: ids no record has, so that the run does not depend on what other tests left
        // (the bodies are read, and refused, before the record is looked up)
        ids.put("appointments", unusedId("appointment"));
        ids.put("groups", unusedId("support_group"));
        ids.put("group-sessions", unusedId("group_session"));
        ids.put("enrollments", unusedId("group_enrollment"));
        ids.put("notes", unusedId("session_note"));
        ids.put("rooms", unusedId("room"));
        ids.put("closures", unusedId("clinic_closure"));
        ids.put("staff", unusedId("staff_member"));
        ids.put("programs", unusedId("program"));
        ids.put("providers", unusedId("treatment_provider"));
        ids.put("resources", unusedId("community_resource"));

        List<Endpoint> endpoints = endpoints();
        Map<String, Long> rowsBefore = rowCounts();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints) {
            String realPath = withId(endpoint.path(), ids);
            List<String> paths = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            if (endpoint.hasBody()) {
                BODIES.forEach((name, body) -> {
                    paths.add(realPath + query(endpoint, f));
                    bodies.add(body);
                });
            }
            if (endpoint.path().contains("{id}")) {
                for (String id : IDS) {
                    paths.add(endpoint.path().replace("{id}", id) + query(endpoint, f));
                    bodies.add(endpoint.hasBody() ? "{}" : null);
                }
            }
            for (String parameter : endpoint.parameters()) {
                for (String value : PARAMETERS) {
                    paths.add(
                            realPath + query(endpoint, f).replaceFirst(parameter + "=[^&]*", parameter + "=" + value));
                    bodies.add(endpoint.hasBody() ? "{}" : null);
                }
            }
            for (int i = 0; i < paths.size(); i++) {
                for (String user : USERS) {
                    String asked = user + " " + endpoint.method() + " " + abbreviated(paths.get(i)) + " "
                            + abbreviated(bodies.get(i));
                    HttpResponse<String> answer;
                    try {
                        answer = api.sendWithToken(token(user), endpoint.method(), paths.get(i), bodies.get(i));
                    } catch (IOException noAnswer) {
                        wrong.add(asked + ": no answer (" + noAnswer.getMessage() + ")");
                        continue;
                    }
                    sent++;
                    String request = asked + ": " + answer.statusCode();
                    if (answer.statusCode() >= 500) {
                        wrong.add(request + " (a server error) " + abbreviated(answer.body()));
                    } else if (answer.body().contains("Exception")
                            || answer.body().contains("\tat ")) {
                        wrong.add(request + " shows the server's insides: " + abbreviated(answer.body()));
                    } else if (endpoint.writes() && answer.statusCode() < 400) {
                        wrong.add(request + " (accepted)");
                    }
                }
            }
        }

        // a yes/no field holding a word is refused by name, not read as "no"
        HttpResponse<String> yes = api.sendWithToken(
                token("frida"),
                "POST",
                "appointments/" + ids.get("appointments") + "/cancellation",
                "{\"byFamily\": \"yes\", \"reason\": \"Called in\", \"version\": 0}");
        assertThat(yes.statusCode()).isEqualTo(400);
        assertThat(yes.body()).contains("byFamily takes true or false.");

        // a body over the server's 10 MB cap is cut off before the application sees it
        for (String user : USERS) {
            String body = "{\"familyName\": \"" + "z".repeat(11 * 1024 * 1024) + "\"}";
            try {
                int status =
                        api.sendWithToken(token(user), "POST", "families", body).statusCode();
                if (status != 413 && status != 400) {
                    wrong.add(user + " POST families with an 11 MB body: " + status);
                }
            } catch (IOException closed) {
                // Undertow ends the connection once the body passes max-post-size: refused, nothing read
            }
        }

        assertThat(sent).as("requests answered").isGreaterThan(3_900);
        assertThat(wrong).as("hostile requests not refused cleanly").isEmpty();
        assertThat(rowCounts())
                .as("rows per table after the hostile requests (only the audit trail grows)")
                .isEqualTo(rowsBefore);
    }

    /** Every endpoint of {@code /api/v1}, with {id} for a record's id and the query parameters it reads. */
    private static List<Endpoint> endpoints() {
        Function<String, Endpoint> parse = line -> {
            String[] parts = line.split(" ", 3);
            return new Endpoint(parts[0], parts[1], parts.length > 2 ? List.of(parts[2].split(",")) : List.of());
        };
        return """
                GET appointments from,to
                GET appointments/{id}
                POST appointments
                PUT appointments/{id}
                POST appointments/{id}/cancellation
                POST appointments/{id}/check-in
                POST appointments/{id}/completion
                POST appointments/{id}/no-show
                GET appointments/rooms
                GET caseload first,max,search,sort
                GET clinic/hours
                PUT clinic/hours
                GET clinic/closures from
                POST clinic/closures
                DELETE clinic/closures/{id} version
                GET clinic/rooms
                POST clinic/rooms
                PUT clinic/rooms/{id}/in-use
                GET consents family
                POST consents family
                POST consents/{id}/revoke
                POST consents/{id}/disclosures format
                GET consents/accounting/{id}
                POST enrollments
                DELETE enrollments/{id} version
                POST enrollments/{id}/acceptance
                GET episodes family
                GET episodes/attention scope,sort,descending,first,max
                GET episodes/{id}
                POST episodes/{id}/events
                POST episodes/{id}/events/{id}/void
                GET families search
                POST families
                POST families/duplicate-check
                PUT families/{id}/assignment
                GET families/{id}/assignments
                GET families/{id}
                PUT families/{id}
                POST families/{id}/closure
                POST families/{id}/reopening
                GET families/{id}/intake
                PUT families/{id}/intake
                POST families/{id}/intake/complete
                GET families/{id}/appointments
                GET families/{id}/boundaries
                POST families/{id}/boundaries
                GET notes/{id}/boundary-reviews
                POST notes/{id}/boundary-reviews
                GET families/{id}/group-attendance
                GET families/{id}/groups
                POST group-sessions/{id}/cancellation
                PUT group-sessions/{id}
                PUT group-sessions/{id}/substitute
                GET group-sessions/{id}/attendance
                PUT group-sessions/{id}/attendance
                POST groups
                GET groups/{id}
                GET groups/{id}/sessions
                PUT groups/{id}/meetings
                GET groups/{id}/enrollments
                GET groups/{id}/calendar-feed
                POST groups/{id}/calendar-feed
                DELETE groups/{id}/calendar-feed version
                GET me
                GET reports program,counselor,from,to,mine
                GET reports/export format,program,counselor,from,to,mine
                GET reports/list figure,key,identified,program,counselor,from,to,mine
                POST miti-reviews
                GET miti-reviews session,counselor
                POST notes
                GET notes family
                GET notes/due
                GET notes/overdue
                GET notes/overdue/sessions
                POST notes/reassign
                GET notes/{id}
                PUT notes/{id}
                POST notes/{id}/sign
                POST notes/{id}/addenda
                POST notes/{id}/cosign
                POST notes/{id}/return
                GET programs
                POST programs
                PUT programs/{id}
                GET staff search,active,sort,descending,first,max
                GET staff/{id}
                PUT staff/{id}/programs
                POST staff/{id}/deactivation
                POST staff/{id}/reactivation
                GET providers text,levelOfCare,medication,payment,language,population,coOccurringCare,stale,active,first,max
                GET providers/{id}
                POST providers
                PUT providers/{id}
                POST providers/{id}/retirement
                POST providers/{id}/restoration
                POST providers/{id}/confirmation
                POST providers/import/preview
                POST providers/import
                GET resources text,kind,language,needsChecking,active,first,max
                GET resources/{id}
                POST resources
                PUT resources/{id}
                POST resources/{id}/retire
                POST resources/{id}/restore
                POST resources/{id}/confirm
                GET families/{id}/resources-given
                POST families/{id}/resources-given
                GET families/{id}/resources-given/sheet.pdf ids,lang
                GET outbox status,from,to,page
                GET outbox/summary
                GET families/{id}/members/message-choices
                GET families/{id}/members/{id}/message-choice
                PUT families/{id}/members/{id}/message-choice
                """
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(parse)
                .toList();
    }

    private static Map<String, String> bodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("not JSON", "{\"familyName\": \"Unclosed");
        bodies.put("script as the body", "\"" + SCRIPT + "\"");
        bodies.put("an array", "[1, 2, 3]");
        bodies.put("null", "null");
        bodies.put("every field missing", "{}");
        bodies.put("every field null", everyField("null"));
        bodies.put("every field SQL", everyField(quoted(SQL)));
        bodies.put("every field script", everyField(quoted(SCRIPT)));
        bodies.put("every field huge", everyField(quoted(HUGE)));
        bodies.put("every field negative", everyField("-1"));
        bodies.put("every field too big a number", everyField("99999999999999999999999"));
        bodies.put("every field an impossible date", everyField(quoted("2026-02-30")));
        bodies.put("every field a list", everyField("[\"" + SCRIPT + "\", -1]"));
        bodies.put("every field an object", everyField("{\"id\": \"" + SQL + "\"}"));
        bodies.put("every field true", everyField("true"));
        return bodies;
    }

    private static String everyField(String value) {
        return FIELDS.stream().map(field -> quoted(field) + ": " + value).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The endpoint's query with a sound value for each parameter (which one request then spoils). */
    private static String query(Endpoint endpoint, String familyId) {
        if (endpoint.parameters().isEmpty()) {
            return "";
        }
        return endpoint.parameters().stream()
                .map(parameter -> parameter + "=" + sound(parameter, familyId))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String sound(String parameter, String familyId) {
        return switch (parameter) {
            case "family" -> familyId;
            case "from", "to" -> LocalDate.now(ClinicTime.zone()).toString();
            case "first" -> "0";
            case "max" -> "10";
            case "scope" -> "PROGRAMS";
            case "sort" -> "FAMILY";
            case "descending" -> "false";
            case "format" -> "json";
            case "session" -> "1";
            case "counselor" -> "carlos";
            case "mine", "identified" -> "false";
            case "figure" -> "EPISODES_OPENED";
            case "program", "key" -> "";
            case "version" -> "0";
            case "status" -> "PENDING";
            case "page" -> "0";
            default -> "a";
        };
    }

    /** The path with each {id} replaced by the id of a record of its collection. */
    private static String withId(String path, Map<String, String> ids) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("{id}")) {
                String collection = parts[i - 1];
                parts[i] = ids.getOrDefault(collection, "1");
            }
        }
        return String.join("/", parts);
    }

    /** The number of rows in each table of the schema but the audit trail's, which hostile requests feed. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (List<String> table : database.query("select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE'"
                + " and table_name not in ('audit_entry', 'audit_chain_head', 'flyway_schema_history')")) {
            String name = table.get(0);
            counts.put(name, Long.parseLong(first("select count(*) from \"" + name + "\"")));
        }
        return counts;
    }

    private String unusedId(String table) {
        return first("select coalesce(max(id), 0) + 1000000 from " + table);
    }

    private String first(String sql, String... parameters) {
        return database.query(sql, parameters).get(0).get(0);
    }

    /** A token per user, renewed before Keycloak's five minutes run out. */
    private String token(String user) {
        if (System.currentTimeMillis() - tokensAt > 120_000) {
            tokens.clear();
            tokensAt = System.currentTimeMillis();
        }
        return tokens.computeIfAbsent(user, Keycloak::accessTokenOf);
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return "(no body)";
        }
        return text.length() <= 160 ? text : text.substring(0, 160) + "... (" + text.length() + " characters)";
    }
}
