package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;
import static org.hearth.testing.ApiClient.jsonArray;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.hearth.time.ClinicTime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/v1/consents} over HTTP: record, 400 naming each problem, export as PDF, accounting, who may. */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class ConsentsApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theCounselorRecordsAConsentExportsUnderItAndTheAccountingListsIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Consents API " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        long familyId = api.registerFamilyOfOne(programId, "ConsentsApi-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        long memberId = Long.parseLong(database.query(
                        "select id from family_member where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0));
        LocalDate today = LocalDate.now(ClinicTime.zone());

        HttpResponse<String> invalid = api.send(
                "carlos",
                "POST",
                "consents?family=" + familyId,
                "{\"memberId\": " + memberId + ", \"recipientName\": \"Dr. Lima\", \"purpose\": \"care\","
                        + " \"scope\": \"SUMMARY\", \"signedOn\": \"" + today + "\", \"startsOn\": \"" + today + "\"}");
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.body()).contains("expiresOn").contains("Part 2 consents need one");

        HttpResponse<String> recorded = api.send(
                "carlos",
                "POST",
                "consents?family=" + familyId,
                "{\"memberId\": " + memberId + ", \"recipientName\": \"Dr. Lima\", \"purpose\": \"care\","
                        + " \"scope\": \"SUMMARY\", \"signedOn\": \"" + today + "\", \"startsOn\": \"" + today
                        + "\", \"expiresOn\": \"" + today.plusMonths(3) + "\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        long consentId = json(recorded.body()).getJsonNumber("id").longValue();

        HttpResponse<String> pdf =
                api.send("carlos", "POST", "consents/" + consentId + "/disclosures?format=pdf", null);
        assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(201);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("disclosure-F-"));

        HttpResponse<String> accounting = api.send("sam", "GET", "consents/accounting/" + memberId, null);
        assertThat(accounting.statusCode()).as(accounting.body()).isEqualTo(200);
        assertThat(jsonArray(accounting.body())).hasSize(1);
        assertThat(jsonArray(accounting.body()).getJsonObject(0).getString("recipientName"))
                .isEqualTo("Dr. Lima");
        assertThat(api.send("carlos", "POST", "consents/" + consentId + "/disclosures?format=docx", null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.send("frida", "GET", "consents?family=" + familyId, null).statusCode())
                .isEqualTo(403);
        assertThat(api.send("frida", "POST", "consents/" + consentId + "/disclosures", null)
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> revoked = api.send(
                "carlos",
                "POST",
                "consents/" + consentId + "/revoke",
                "{\"revokedOn\": \"" + today + "\", \"version\": "
                        + json(recorded.body()).getJsonNumber("version").longValue() + "}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        HttpResponse<String> afterRevoking =
                api.send("carlos", "POST", "consents/" + consentId + "/disclosures?format=json", null);
        assertThat(afterRevoking.statusCode()).isEqualTo(400);
        assertThat(afterRevoking.body()).contains("This consent was revoked");
    }
}
