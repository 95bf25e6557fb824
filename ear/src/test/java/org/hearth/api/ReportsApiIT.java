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
}
