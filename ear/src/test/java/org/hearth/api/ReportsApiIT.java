package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
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

/** The program report over HTTP: its de-identified tables, its files, the lists behind it, and who may. */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class ReportsApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aSupervisorGetsTheTablesAndTheFilesACounselorOnlyTheirOwnAndTheFrontDeskNothing() throws Exception {
        String program = "Reports API " + UUID.randomUUID().toString().substring(0, 8);
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);

        HttpResponse<String> report = api.send("sam", "GET", "reports?program=" + programId, null);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        JsonObject figures = json(report.body());
        assertThat(figures.getJsonObject("scope").getJsonArray("programs").getString(0))
                .isEqualTo(program);
        JsonObject opened = figures.getJsonObject("summary").getJsonObject("episodesOpened");
        assertThat(opened.getJsonNumber("value").longValue())
                .as("a count is a number, 0 shown: it points to nobody")
                .isZero();
        assertThat(opened.getBoolean("suppressed")).isFalse();
        JsonObject share = figures.getJsonObject("summary")
                .getJsonObject("enteredTreatment")
                .getJsonObject("share");
        assertThat(share.isNull("value"))
                .as("no share of nothing, and nothing withheld")
                .isTrue();
        assertThat(share.getBoolean("suppressed")).isFalse();
        assertThat(figures.getJsonObject("summary")
                        .getJsonObject("craftTrialsEntryRange")
                        .getJsonNumber("low")
                        .doubleValue())
                .isEqualTo(0.586);
        assertThat(report.body()).as("no display strings").doesNotContain("<5", " of ", "n<5", "%");

        HttpResponse<String> xlsx = api.send("sam", "GET", "reports/export?format=xlsx&program=" + programId, null);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/vnd.openxmlformats"));
        assertThat(xlsx.body()).startsWith("PK");
        HttpResponse<String> pdf = api.send("sam", "GET", "reports/export?format=pdf", null);
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(api.send("sam", "GET", "reports/export?format=docx", null).statusCode())
                .isEqualTo(400);
        assertThat(api.send("sam", "GET", "reports?from=2026-13-01", null).statusCode())
                .isEqualTo(400);
        HttpResponse<String> backwards = api.send("sam", "GET", "reports?from=2026-05-01&to=2026-04-01", null);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("The report's last day comes before its first.");

        HttpResponse<String> list = api.send("sam", "GET", "reports/list?figure=EPISODES_OPENED", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(json(list.body()).getBoolean("identified")).isFalse();
        assertThat(api.send("sam", "GET", "reports/list?figure=COHORT&key=March", null)
                        .statusCode())
                .as("a key that does not fit the figure")
                .isEqualTo(400);
        assertThat(api.send("sam", "GET", "reports/list?figure=EVERYTHING", null)
                        .statusCode())
                .isEqualTo(400);

        assertThat(api.send("carlos", "GET", "reports?mine=true", null).statusCode())
                .isEqualTo(200);
        assertThat(api.send("carlos", "GET", "reports?program=" + programId, null)
                        .statusCode())
                .as("a counselor reads their own caseload only")
                .isEqualTo(403);
        assertThat(api.send("frida", "GET", "reports", null).statusCode()).isEqualTo(403);
        assertThat(database.query("select count(*) from audit_entry where username = 'carlos' and outcome = 'DENIED'"
                        + " and reason like 'ProgramReports.report:%'"))
                .isNotEqualTo(List.of(List.of("0")));
    }

    /**
     * Ten referrals of one program's loved ones, made 4 to 13 days ago: five arrived 1, 1, 2, 3 and 3 days after the
     * yes (median 2), all at one provider, with a ready plan at acceptance; five did not arrive, for want of
     * transport. The report runs to a month from now, so it says it counted up to today.
     */
    @Test
    void theReportCarriesThePathFromYesToTreatmentTypedAndCountedUpToToday() throws Exception {
        String program = "Path API " + UUID.randomUUID().toString().substring(0, 8);
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        String provider = database.query(
                        "insert into treatment_provider (name, confirmed_on, created_by, created_at, updated_by,"
                                + " updated_at) values (?, current_date, 'sam', now(), 'sam', now()) returning id",
                        program + " Recovery Center")
                .get(0)
                .get(0);
        int[] daysToArrival = {1, 1, 2, 3, 3};
        for (int i = 0; i < 10; i++) {
            String family = database.query(
                            "insert into family (case_number, intake_year, case_sequence, family_name, program_id,"
                                    + " status, preferred_language, referral_source, opened_on, registered_by,"
                                    + " registered_at) values (?, 1899, cast(? as integer), ?, cast(? as bigint),"
                                    + " 'ACTIVE', 'en', 'SELF', current_date - 40, 'test', now()) returning id",
                            String.format("F-1899-%05d", (int) (programId % 9_000) * 10 + i),
                            Long.toString((programId % 9_000) * 10 + i),
                            program + " family " + i,
                            Long.toString(programId))
                    .get(0)
                    .get(0);
            String episode =
                    data.episode(Long.parseLong(family)).openedDaysAgo(30).insert();
            int acceptedDaysAgo = 4 + i;
            boolean arrived = i < 5;
            String offer = database.query(
                            "insert into episode_event (episode_id, occurred_on, kind, offered_by, response,"
                                    + " recorded_by, recorded_at) values (cast(? as bigint), current_date - cast(? as"
                                    + " integer), 'TREATMENT_OFFERED', 'FAMILY_INVITATION', 'ACCEPTED', 'carlos', now())"
                                    + " returning id",
                            episode,
                            Integer.toString(acceptedDaysAgo))
                    .get(0)
                    .get(0);
            database.update(
                    "insert into referral (episode_id, provider_id, offer_event_id, level_of_care, accepted_on,"
                            + " started_at, status_before, plan_ready_at_acceptance, last_step_at, outcome, outcome_on,"
                            + " not_arrived_reason, created_by) values (cast(? as bigint), cast(? as bigint),"
                            + " cast(? as bigint), 'OUTPATIENT', current_date - cast(? as integer),"
                            + " now() - make_interval(days => cast(? as integer)), 'PREPARING', cast(? as boolean),"
                            + " now(), ?, current_date - cast(? as integer), ?, 'carlos')",
                    episode,
                    provider,
                    offer,
                    Integer.toString(acceptedDaysAgo),
                    Integer.toString(acceptedDaysAgo),
                    Boolean.toString(arrived),
                    arrived ? "ARRIVED" : "NOT_ARRIVED",
                    Integer.toString(acceptedDaysAgo - (arrived ? daysToArrival[i] : 1)),
                    arrived ? null : "NO_TRANSPORT");
        }
        java.time.LocalDate today = java.time.LocalDate.now(org.hearth.time.ClinicTime.zone());
        String range = "program=" + programId + "&from=" + today.minusDays(30) + "&to=" + today.plusDays(30);

        HttpResponse<String> report = api.send("sam", "GET", "reports?" + range, null);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        JsonObject figures = json(report.body());
        assertThat(figures.getJsonObject("scope").getString("countedUpTo"))
                .as("the range ends after today: counted up to today")
                .isEqualTo(today.toString());
        JsonObject path = figures.getJsonObject("treatmentPath");
        assertThat(path.getJsonObject("referralsMade").getJsonNumber("value").longValue())
                .isEqualTo(10);
        assertThat(path.getJsonObject("arrived").getJsonNumber("value").longValue())
                .isEqualTo(5);
        assertThat(path.getJsonObject("arrivedShare").getJsonNumber("value").doubleValue())
                .isEqualTo(0.5);
        assertThat(path.getJsonObject("medianDaysToArrival")
                        .getJsonNumber("value")
                        .doubleValue())
                .as("the middle of 1, 1, 2, 3, 3 days")
                .isEqualTo(2.0);
        assertThat(path.getJsonObject("readyPlanAtAcceptance")
                        .getJsonNumber("value")
                        .doubleValue())
                .isEqualTo(0.5);
        JsonObject lost = path.getJsonArray("lostByReason").getJsonObject(0);
        assertThat(lost.getString("reason")).isEqualTo("NO_TRANSPORT");
        assertThat(lost.getJsonObject("referrals").getJsonNumber("value").longValue())
                .isEqualTo(5);
        JsonObject atProvider = path.getJsonArray("arrivalsByProvider").getJsonObject(0);
        assertThat(atProvider.getJsonNumber("providerId").longValue()).isEqualTo(Long.parseLong(provider));
        assertThat(atProvider.getJsonObject("arrivals").getJsonNumber("value").longValue())
                .isEqualTo(5);
        assertThat(path.getJsonObject("offersAfterCriticalEvent")
                        .getJsonNumber("value")
                        .longValue())
                .as("no critical event before any offer")
                .isZero();

        HttpResponse<String> lostList =
                api.send("sam", "GET", "reports/list?figure=REFERRALS_LOST&key=NO_TRANSPORT&" + range, null);
        assertThat(lostList.statusCode()).as(lostList.body()).isEqualTo(200);
        assertThat(json(lostList.body()).getJsonArray("rows"))
                .as("the five lost")
                .hasSize(5);
        assertThat(api.send("sam", "GET", "reports/list?figure=REFERRALS_LOST&key=no%20transport&" + range, null)
                        .statusCode())
                .as("a reason is a code")
                .isEqualTo(400);
        assertThat(api.send("sam", "GET", "reports/list?figure=PROVIDER_ARRIVALS&key=" + provider + "&" + range, null)
                        .body())
                .contains("\"recordKind\":\"referral\"");
    }
}
