package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Browser;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Keycloak;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The written safety plan in the browser: a counselor of a flagged family writes the plan (a bad phone number named
 * next to its field), saves and signs it, prints it and finds what was typed in the printed copy, then lowers a
 * flag raised after intake with a note; the supervisor reads the plan without a way to change it. Screenshots go
 * to target/safety-screens.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class SafetyPlanJourneyIT {

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aCounselorWritesSignsAndPrintsThePlanAndLowersARaisedFlag() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Safety program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        ApiClient api = new ApiClient();
        String familyName = "Safe-" + suffix;
        long familyId = api.registerFamilyOfOne(programId, familyName);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        database.update(
                "insert into intake (family_id, safety_flag, domestic_violence, started_by, started_at, updated_by,"
                        + " updated_at) values (cast(? as bigint), true, true, 'carlos', now(), 'carlos', now())",
                Long.toString(familyId));
        database.update(
                "insert into safety_flag_raise (family_id, reason, source, raised_by, raised_at) values"
                        + " (cast(? as bigint), 'MEMBER_SELF_HARM', 'PHQ-9 of last Monday', 'carlos', now())",
                Long.toString(familyId));
        String form = "tabs:safety-plan-form:";

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.open("families/record.xhtml?id=" + familyId + "&tab=plan");
            browser.waitForPage();
            assertThat(browser.text("safety-plan-status"))
                    .contains("No written safety plan yet")
                    .contains("one is due now");
            assertThat(browser.text("safety-raises"))
                    .contains("PHQ-9 of last Monday")
                    .contains("Carlos Rivera");
            screenshot(browser, "1-no-plan");

            browser.click("tabs:safety-plan-actions:edit-plan");
            browser.type(form + "warningSigns", "Shouting after midnight\nMoney missing from the jar");
            browser.type(form + "members:0:part", "Takes the children to Aunt Rosa's");
            browser.type(form + "contacts:0:name", "Aunt Rosa");
            browser.type(form + "contacts:0:relation", "aunt");
            browser.type(form + "contacts:0:phone", "call me");
            browser.type(form + "naloxoneWhere", "Top kitchen drawer");
            browser.type(form + "leavingWhereToGo", "Rosa's flat on Elm Street");
            browser.type(form + "leavingCodeWord", "sunflower");
            browser.click(form + "save-plan");
            assertThat(browser.text("tabs:safety-plan-form"))
                    .as("the bad number named next to its field")
                    .contains("A phone number has 7 to 25 digits");
            screenshot(browser, "2-bad-phone");
            browser.type(form + "contacts:0:phone", "(212) 555-0147");
            browser.click(form + "save-plan");
            assertThat(browser.messages()).contains("Version 1 of the safety plan is saved and signed.");
            assertThat(browser.text("safety-plan-status"))
                    .contains("Signed by Carlos Rivera")
                    .contains("review due on");
            assertThat(browser.text("safety-plan-current"))
                    .contains("Shouting after midnight")
                    .contains("Takes the children to Aunt Rosa's")
                    .contains("988")
                    .contains("Aunt Rosa (aunt): (212) 555-0147")
                    .contains("Left off the printed copy");
            screenshot(browser, "3-signed");

            browser.click("tabs:safety-plan-actions:print-en");
            assertThat(browser.driver().getCurrentUrl())
                    .as("the download leaves the page as it was")
                    .contains("record");
            String printed = printedText(familyId);
            assertThat(printed)
                    .contains("Our plan for staying safe")
                    .contains("Shouting after midnight")
                    .contains("Emergency nasal spray")
                    .contains("Top kitchen drawer")
                    .doesNotContain("sunflower")
                    .doesNotContain("naloxone")
                    .doesNotContain("F-20");

            browser.click("tabs:raises:0:raise-form:lower");
            browser.waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:lower-flag-form:lower-note")));
            browser.type("tabs:lower-flag-form:lower-note", "Called Rosa: she is safe and staying with her sister.");
            screenshot(browser, "4-lower-dialog");
            browser.click("tabs:lower-flag-form:lower-confirm");
            browser.waitForPage();
            assertThat(browser.messages()).contains("The safety flag is lowered");
            assertThat(browser.driver().findElements(By.id("safety-raises"))).isEmpty();
            screenshot(browser, "5-lowered");
        }
        try (Browser browser = Browser.open()) {
            browser.signIn("sam");
            browser.open("families/record.xhtml?id=" + familyId + "&tab=plan");
            browser.waitForPage();
            assertThat(browser.text("safety-plan-status")).contains("Signed by Carlos Rivera");
            assertThat(browser.driver().findElements(By.id("tabs:safety-plan-actions:edit-plan")))
                    .as("a supervisor reads the plan")
                    .isEmpty();
            assertThat(browser.driver().findElements(By.id("tabs:safety-plan-actions:print-es")))
                    .isNotEmpty();
            screenshot(browser, "6-supervisor");
        }
        assertThat(database.query(
                        "select count(*) from safety_plan_version v join safety_plan p on p.id = v.plan_id"
                                + " where p.family_id = cast(? as bigint)",
                        Long.toString(familyId)))
                .isEqualTo(List.of(List.of("1")));
    }

    private static String printedText(long familyId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        HearthStack.appUrl() + "api/v1/families/" + familyId + "/safety-plan/pdf?language=en"))
                .header("Authorization", "Bearer " + Keycloak.accessTokenOf("carlos"))
                .header("Accept", "application/pdf")
                .GET()
                .build();
        byte[] pdf = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofByteArray())
                .body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The whole page as an image in target/safety-screens, for people to look at. */
    private static void screenshot(Browser browser, String name) throws Exception {
        Dimension size = browser.driver().manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(1280, Math.min(6000, height.intValue() + 120)));
        Path folder = Files.createDirectories(Path.of("target", "safety-screens"));
        Files.write(folder.resolve(name + ".png"), browser.chrome().getScreenshotAs(OutputType.BYTES));
        browser.driver().manage().window().setSize(size);
    }
}
