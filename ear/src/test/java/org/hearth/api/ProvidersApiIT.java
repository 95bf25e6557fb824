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

/**
 * The treatment-provider directory over the API: every role reads and filters it, supervisors change it (others get
 * 403), a stale version gets 409 naming the provider, bad input is named field by field, and a treatment-locator
 * file is previewed and imported all or nothing. Every answer is checked against the OpenAPI document.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class ProvidersApiIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    private void realmUsers() {
        TestData data = new TestData(database);
        data.realmStaff("sam", "Sam Okafor", "supervisor");
        data.realmStaff("carlos", "Carlos Reyes", "counselor");
        data.realmStaff("frida", "Frida Lind", "front-desk");
    }

    private static String body(String name, String zip, Long version) {
        return "{\"name\": \"" + name
                + "\", \"street\": \"1200 Riverside Dr\", \"city\": \"Dayton\", \"state\": \"OH\","
                + " \"zip\": \"" + zip
                + "\", \"phone\": \"(937) 555-0101\", \"website\": \"https://riverbend.example.org\","
                + " \"levelsOfCare\": [\"RESIDENTIAL\", \"WITHDRAWAL_MANAGEMENT\"], \"medications\": [\"METHADONE\"],"
                + " \"payments\": [\"MEDICAID\"], \"languages\": [\"en\", \"es\"], \"populations\": [\"VETERANS\"],"
                + " \"coOccurringCare\": true, \"typicalWaitDays\": 4, \"confirmedOn\": null"
                + (version == null ? "" : ", \"version\": " + version) + "}";
    }

    @Test
    void supervisorsKeepTheDirectoryEveryRoleReadsItAndConflictsAndBadInputAreNamed() throws Exception {
        realmUsers();
        String name = "Riverbend " + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> missingDate = api.send("sam", "POST", "providers", body(name, "45402", null));
        assertThat(missingDate.statusCode()).as(missingDate.body()).isEqualTo(400);
        assertThat(json(missingDate.body())
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"))
                .isEqualTo("confirmedOn");

        String valid = body(name, "45402", null).replace("\"confirmedOn\": null", "\"confirmedOn\": \"2026-01-05\"");
        HttpResponse<String> created = api.send("sam", "POST", "providers", valid);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject entry = json(created.body());
        long id = entry.getJsonNumber("id").longValue();
        long version = entry.getJsonNumber("version").longValue();
        assertThat(entry.getJsonArray("levelsOfCare").getString(0)).isEqualTo("WITHDRAWAL_MANAGEMENT");

        HttpResponse<String> listed = api.send(
                "frida",
                "GET",
                "providers?text=" + name.replace(" ", "%20") + "&levelOfCare=RESIDENTIAL&language=es",
                null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(json(listed.body()).getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(json(listed.body()).getJsonArray("rows").getJsonObject(0).getString("name"))
                .isEqualTo(name);
        HttpResponse<String> badFilter = api.send("frida", "GET", "providers?payment=CASH", null);
        assertThat(badFilter.statusCode()).as(badFilter.body()).isEqualTo(400);

        String change = valid.replace(name, name + " East").replace("}", ", \"version\": " + version + "}");
        HttpResponse<String> byCounselor = api.send("carlos", "PUT", "providers/" + id, change);
        assertThat(byCounselor.statusCode()).as(byCounselor.body()).isEqualTo(403);

        HttpResponse<String> saved = api.send("sam", "PUT", "providers/" + id, change);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> again = api.send("sam", "PUT", "providers/" + id, change);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(json(again.body()).getString("detail")).contains("provider");

        HttpResponse<String> badZip = api.send(
                "sam",
                "PUT",
                "providers/" + id,
                change.replace("45402", "4540")
                        .replace(
                                "\"version\": " + version,
                                "\"version\": "
                                        + json(saved.body())
                                                .getJsonNumber("version")
                                                .longValue()));
        assertThat(badZip.statusCode()).as(badZip.body()).isEqualTo(400);
        assertThat(json(badZip.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("zip");

        HttpResponse<String> retired = api.send(
                "sam",
                "POST",
                "providers/" + id + "/retirement",
                "{\"version\": " + json(saved.body()).getJsonNumber("version").longValue() + "}");
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
        assertThat(json(retired.body()).getBoolean("active")).isFalse();
        assertThat(json(api.send("carlos", "GET", "providers?text=" + name.replace(" ", "%20"), null)
                                .body())
                        .getJsonNumber("total")
                        .longValue())
                .isZero();

        HttpResponse<String> unknown = api.send("carlos", "GET", "providers/" + Long.MAX_VALUE, null);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(403);
    }

    @Test
    void aLocatorFileIsPreviewedRowByRowAndImportedAllOrNothing() throws Exception {
        realmUsers();
        String prefix = "API-" + UUID.randomUUID().toString().substring(0, 8);
        String header = "locator_id,name1,street1,city,state,zip,phone,website,OTP,MM,MD\n";
        String good = header
                + prefix + "-1,Queen City OTP " + prefix + ",3100 Vine St,Cincinnati,OH,45220,(513) 555-0111,,1,1,1\n"
                + prefix + "-2,Mill Creek " + prefix + ",808 Central Pkwy,Cincinnati,OH,45202,,,0,0,1\n";
        String bad = good + prefix + "-3,Broken " + prefix + ",1 Elm St,Cincinnati,Ohio,45202,,,0,0,maybe\n";

        HttpResponse<String> byCounselor =
                api.sendTyped("carlos", "POST", "providers/import/preview", good, "text/csv");
        assertThat(byCounselor.statusCode()).as(byCounselor.body()).isEqualTo(403);

        HttpResponse<String> preview = api.sendTyped("sam", "POST", "providers/import/preview", bad, "text/csv");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonObject answer = json(preview.body());
        assertThat(answer.getBoolean("importable")).isFalse();
        assertThat(answer.getJsonNumber("creates").longValue()).isEqualTo(2);
        JsonObject broken = answer.getJsonArray("rows").getJsonObject(2);
        assertThat(broken.getString("action")).isEqualTo("ERROR");
        assertThat(broken.getJsonArray("problems").stream()
                        .map(p -> p.asJsonObject().getInt("row") + " "
                                + p.asJsonObject().getString("column"))
                        .toList())
                .containsExactly("4 MD", "4 state");

        HttpResponse<String> refused = api.sendTyped("sam", "POST", "providers/import", bad, "text/csv");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused.body()).getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .toList())
                .containsExactly("row 4, MD", "row 4, state");
        assertThat(database.query("select id from treatment_provider where locator_id like ?", prefix + "%"))
                .isEmpty();

        HttpResponse<String> imported = api.sendTyped("sam", "POST", "providers/import", good, "text/csv");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json(imported.body()).getInt("created")).isEqualTo(2);
        assertThat(database.query(
                        "select p.name, l.level_of_care from treatment_provider p join provider_level_of_care l"
                                + " on l.provider_id = p.id where p.locator_id = ?",
                        prefix + "-1"))
                .containsExactly(List.of("Queen City OTP " + prefix, "OPIOID_TREATMENT_PROGRAM"));
    }
}
