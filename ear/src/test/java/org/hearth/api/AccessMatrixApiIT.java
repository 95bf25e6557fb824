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
 * The access matrix, proven over HTTP with real tokens: every role against each kind of record of one family
 * (see {@link #MATRIX}): what answers 200/201, what answers 403, and that every 403 left a denial in the
 * audit trail.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class AccessMatrixApiIT {

    /** The columns of the matrix, in its order. */
    private static final List<String> ROLES =
            List.of("frida", "carlos", "colin", "cleo", "cora", "sam", "sofia", "ada");

    /**
     * The matrix: each request against one family of Carlos's caseload in Sam's program, and what each role
     * gets. Front desk: Frida. Counselors: Carlos (the family's primary counselor), Colin (covering the family
     * this week), Cleo (covered it last month; her dates are over), Cora (of the same program, never on the
     * family). Supervisors: Sam (the family's program), Sofia (another program; she also counsels). Admin:
     * Ada. Every 403 must also leave a denial in the audit trail. The README's security section shows the
     * same table. A change sent with a version no record has (-1) answers 409 to those allowed to make it: past
     * the access rule, refused only for the version, so the matrix changes nothing.
     */
    static final String MATRIX =
            """
            # request                                       frida carlos colin cleo cora sam sofia ada
            GET  families/{family}                            200   200   200  403  403  200  403  403
            GET  families/{family}/assignments                403   403   403  403  403  200  403  403
            GET  families/{family}/appointments               200   200   200  403  403  200  403  403
            GET  families/{family}/groups                     200   200   200  403  403  200  403  403
            GET  families/{family}/group-attendance           200   200   200  403  403  200  403  403
            GET  families/{family}/intake                     403   200   200  403  403  200  403  403
            GET  notes?family={family}                        403   200   200  403  403  200  403  403
            GET  episodes?family={family}                     403   200   200  403  403  200  403  403
            GET  episodes/{episode}                           403   200   200  403  403  200  403  403
            POST episodes/{episode}/events                    403   201   201  403  403  403  403  403
            GET  episodes/{episode}/plan                      403   200   200  403  403  200  403  403
            GET  episodes/{episode}/referrals                 403   200   200  403  403  200  403  403
            GET  providers?text=a                             200   200   200  200  200  200  200  200
            GET  families/{family}/safety-plan                403   200   200  403  403  200  403  403
            GET  families/{family}/safety-flags               403   200   200  403  403  200  403  403
            GET  families/{family}/boundaries                 403   200   200  403  403  200  403  403
            GET  families/{family}/measures                   403   200   200  403  403  200  403  403
            GET  families/{family}/resources-given            403   200   200  403  403  200  403  403
            GET  families/{family}/education                  403   200   200  403  403  200  403  403
            GET  resources?text=a                             200   200   200  200  200  200  200  200
            GET  consents?family={family}                     403   200   200  403  403  200  403  403
            GET  consents/accounting/{member}                 403   200   200  403  403  200  403  403
            POST consents/{consent}/disclosures?format=json   403   201   201  403  403  201  403  403
            GET  episodes/attention?scope=PROGRAMS            403   403   403  403  403  200  200  403
            GET  episodes/attention?scope=MINE                403   200   200  200  200  403  200  403
            GET  caseload                                     403   200   200  200  200  403  200  403
            GET  notes/due                                    403   200   200  200  200  403  200  403
            GET  tasks                                        403   200   200  200  200  403  200  403
            GET  notes/overdue                                403   403   403  403  403  200  200  403
            GET  notes/overdue/sessions                       403   403   403  403  403  200  200  403
            GET  clinic/hours                                 403   403   403  403  403  403  403  200
            GET  me                                           200   200   200  200  200  200  200  200
            GET  families/{family}/members/{member}/message-choice 200 200 200  403  403  200  403  403
            PUT  families/{family}/members/{member}/message-choice 409 409 409  403  403  409  403  403
            GET  outbox                                       200   200   200  200  200  200  200  403
            GET  outbox/summary                               200   200   200  200  200  200  200  403
            """;

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
        Keycloak.ensureUser("colin", "Colin", "Reyes", "counselor");
        Keycloak.ensureUser("cleo", "Cleo", "Ward", "counselor");
        data.realmStaff("colin", "Colin Reyes", "counselor", program);
        data.realmStaff("cleo", "Cleo Ward", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("sofia", "Sofia Marin", "supervisor,counselor", other);
        data.realmStaff("ada", "Ada Kowalski", "admin");
        long familyId = api.registerFamilyOfOne(programId, "Matrix-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        String f = Long.toString(familyId);
        data.covering(familyId, "colin", -3, 4);
        data.covering(familyId, "cleo", -40, -10);
        String episode = data.episode(familyId).lovedOne("K.", "SIBLING").insert();
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

        Map<String, String> bodies = Map.of(
                "POST episodes/{episode}/events",
                "{\"kind\": \"STAGE_OBSERVED\", \"on\": \"" + today + "\", \"stage\": \"CONTEMPLATION\"}",
                "PUT families/{family}/members/{member}/message-choice",
                "{\"optedOut\": true, \"memberWord\": \"Said so at the desk\", \"version\": -1}");
        Map<String, String> ids =
                Map.of("{family}", f, "{episode}", episode, "{member}", member, "{consent}", Long.toString(consentId));
        List<Rule> rules = MATRIX.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> {
                    String[] cells = line.trim().split("\\s+");
                    String request = cells[0] + " " + cells[1];
                    String path = cells[1];
                    for (Map.Entry<String, String> id : ids.entrySet()) {
                        path = path.replace(id.getKey(), id.getValue());
                    }
                    Map<String, Integer> expected = new LinkedHashMap<>();
                    for (int i = 0; i < ROLES.size(); i++) {
                        expected.put(ROLES.get(i), Integer.parseInt(cells[2 + i]));
                    }
                    return new Rule(cells[0], path, bodies.get(request), expected);
                })
                .toList();
        assertThat(rules).as("the matrix read from its table").hasSize(36);

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

    /** The counselor covers the family from one day to another (SQL date expressions). */
    private long denials(String user) {
        return Long.parseLong(
                database.query("select count(*) from audit_entry where username = ? and outcome = 'DENIED'", user)
                        .get(0)
                        .get(0));
    }
}
