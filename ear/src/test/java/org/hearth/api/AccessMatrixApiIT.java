package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.schedule.ClinicTime;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The access matrix, proven over HTTP with real tokens: for one family of Carlos's caseload in Sam's
 * program, every role - the front desk (Frida), the family's counselor (Carlos), a counselor of the same
 * program without the family (Cora), the program's supervisor (Sam), a supervisor of another program (Sofia,
 * who also counsels), the administrator (Ada) - against each kind of record: what answers 200/201, what
 * answers 403, and that every 403 left a denial in the audit trail.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class AccessMatrixApiIT {

    private static final List<String> ROLES = List.of("frida", "carlos", "cora", "sam", "sofia", "ada");

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    /** One request and what each role gets: allowed (2xx) or 403. */
    private record Rule(String method, String path, String body, Map<String, Integer> expected) {}

    @Test
    void everyRoleGetsWhatItMayAndA403ThatIsAuditedForTheRest() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Matrix " + suffix;
        String other = "Matrix other " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.program(other);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("sofia", "Sofia Marin", "supervisor,counselor", other);
        data.realmStaff("ada", "Ada Kowalski", "admin");
        long familyId = api.registerFamilyOfOne(programId, "Matrix-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        String f = Long.toString(familyId);
        database.update(
                "insert into intake (family_id, started_by, started_at, updated_by, updated_at) values"
                        + " (cast(? as bigint), 'carlos', now(), 'carlos', now())",
                f);
        database.update(
                "insert into loved_one (family_id, position, alias, relationship) values (cast(? as bigint), 0, 'K.',"
                        + " 'SIBLING')",
                f);
        database.update(
                "insert into engagement_episode (family_id, loved_one_id, status, opened_by, opened_at,"
                        + " next_follow_up_on, last_event_on) select cast(? as bigint), l.id, 'REFUSING', 'carlos',"
                        + " now() - interval '5 days', current_date + 9, current_date - 5 from loved_one l"
                        + " where l.family_id = cast(? as bigint)",
                f,
                f);
        String episode = database.query("select id from engagement_episode where family_id = cast(? as bigint)", f)
                .get(0)
                .get(0);
        String member = database.query("select id from family_member where family_id = cast(? as bigint)", f)
                .get(0)
                .get(0);
        LocalDate today = LocalDate.now(ClinicTime.zone());
        HttpResponse<String> consent = api.send(
                "carlos",
                "POST",
                "consents?family=" + f,
                "{\"memberId\": " + member + ", \"recipientName\": \"Dr. Lima\", \"purpose\": \"care\","
                        + " \"scope\": \"ATTENDANCE\", \"signedOn\": \"" + today + "\", \"startsOn\": \"" + today
                        + "\", \"expiresOn\": \"" + today.plusMonths(1) + "\"}");
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
        long consentId = json(consent.body()).getJsonNumber("id").longValue();

        // front desk: contacts and the schedule; counselors: their caseload; supervisors: their programs, to read
        Map<String, Integer> contacts = expect(200, 200, 403, 200, 403, 403);
        Map<String, Integer> clinical = expect(403, 200, 403, 200, 403, 403);
        Map<String, Integer> caseloadOnly = expect(403, 201, 403, 403, 403, 403);
        Map<String, Integer> careTeam = expect(403, 201, 403, 201, 403, 403);
        List<Rule> rules = List.of(
                new Rule("GET", "families/" + f, null, contacts),
                new Rule("GET", "families/" + f + "/appointments", null, contacts),
                new Rule("GET", "families/" + f + "/intake", null, clinical),
                new Rule("GET", "notes?family=" + f, null, clinical),
                new Rule("GET", "episodes?family=" + f, null, clinical),
                new Rule("GET", "episodes/" + episode, null, clinical),
                new Rule("GET", "consents?family=" + f, null, clinical),
                new Rule("GET", "consents/accounting/" + member, null, clinical),
                new Rule(
                        "POST",
                        "episodes/" + episode + "/events",
                        "{\"kind\": \"STAGE_OBSERVED\", \"on\": \"" + today + "\", \"stage\": \"CONTEMPLATION\"}",
                        caseloadOnly),
                new Rule("POST", "consents/" + consentId + "/disclosures?format=json", null, careTeam),
                new Rule("GET", "episodes/attention?scope=PROGRAMS", null, expect(403, 403, 403, 200, 200, 403)));

        List<String> wrong = new ArrayList<>();
        for (Rule rule : rules) {
            for (String user : ROLES) {
                long deniedBefore = denials(user);
                int status =
                        api.send(user, rule.method(), rule.path(), rule.body()).statusCode();
                int expected = rule.expected().get(user);
                if (status != expected) {
                    wrong.add(
                            user + " " + rule.method() + " " + rule.path() + ": " + status + ", expected " + expected);
                } else if (status == 403 && denials(user) <= deniedBefore) {
                    wrong.add(user + " " + rule.method() + " " + rule.path() + ": 403 without an audit entry");
                }
            }
        }
        assertThat(wrong).as("requests answered otherwise than the matrix says").isEmpty();
    }

    private static Map<String, Integer> expect(int frida, int carlos, int cora, int sam, int sofia, int ada) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("frida", frida);
        expected.put("carlos", carlos);
        expected.put("cora", cora);
        expected.put("sam", sam);
        expected.put("sofia", sofia);
        expected.put("ada", ada);
        return expected;
    }

    private long denials(String user) {
        return Long.parseLong(
                database.query("select count(*) from audit_entry where username = ? and outcome = 'DENIED'", user)
                        .get(0)
                        .get(0));
    }
}
