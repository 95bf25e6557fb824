package org.hearth.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Browser;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Wellbeing in the browser: the counselor enters Rosa's PHQ-9 with item 9 at 1 (a missing answer named first), sees
 * what to do now, the red flag banner and the safety check on the to-do list, and the trend; hands the tablet to
 * Luis, who answers in Spanish and sends, and the tablet is back at sign-in (Back shows nothing); the supervisor
 * reads the trend without a way to enter. Screenshots go to target/wellbeing-screens.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class WellbeingBrowserIT {

    private static final String FORM = "tabs:wellbeing-form:";

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void item9RaisesTheFlagTheTabletClosesToSignInAndTheTrendShows() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Wellbeing program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        ApiClient api = new ApiClient();
        String familyName = "Wellbeing-" + suffix;
        HttpResponse<String> registered = api.send(
                "frida",
                "POST",
                "families",
                """
                {"familyName": "%s", "programId": %d, "preferredLanguage": "en", "referralSource": "SELF",
                 "members": [{"fullName": "Rosa %s", "ageYears": 50, "relationship": "PARENT",
                              "safeToLeaveMessage": true, "safeToMail": true, "participates": true},
                             {"fullName": "Luis %s", "ageYears": 52, "relationship": "PARTNER_OR_SPOUSE",
                              "preferredLanguage": "es", "safeToLeaveMessage": true, "safeToMail": true,
                              "participates": true}]}
                """
                        .formatted(familyName, programId, familyName, familyName));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        long familyId = json(registered.body()).getJsonNumber("id").longValue();
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        List<List<String>> members = database.query(
                "select id from family_member where family_id = cast(? as bigint) order by position",
                Long.toString(familyId));
        long luis = Long.parseLong(members.get(1).get(0));
        String record = "families/record.xhtml?id=" + familyId + "&tab=plan";

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.open(record);
            browser.waitForPage();
            assertThat(browser.text(FORM + "wellbeing-due"))
                    .contains("Rosa")
                    .contains("Luis")
                    .contains("Never");
            assertThat(browser.text("tablet-" + luis)).isEqualTo("Hand the tablet to Luis");
            screenshot(browser, "1-due");

            browser.click(FORM + "enter-measure");
            browser.choose(FORM + "member", "Rosa");
            for (int q = 0; q < 8; q++) {
                answer(browser, FORM + "q:" + q + ":answer", 1);
            }
            browser.click(FORM + "save-measure");
            assertThat(browser.text(FORM + "q:8:missing"))
                    .as("the unanswered question named where it is")
                    .isEqualTo("This question needs an answer.");
            assertThat(database.query(
                            "select count(*) from wellbeing_measure where family_id = cast(? as bigint)",
                            Long.toString(familyId)))
                    .isEqualTo(List.of(List.of("0")));
            answer(browser, FORM + "q:8:answer", 1);
            screenshot(browser, "2-entering");
            browser.click(FORM + "save-measure");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("wellbeing-item9")));
            browser.waitForPage();
            assertThat(browser.text("wellbeing-item9"))
                    .contains("the safety flag is raised")
                    .contains("Ask Rosa about their safety today")
                    .contains("988");
            assertThat(browser.text("safety-flag")).contains("A member reported thoughts of self-harm (PHQ-9)");
            assertThat(browser.text(FORM + "trend:0:wellbeing-table"))
                    .contains("PHQ-9")
                    .contains("9")
                    .contains("Mild")
                    .contains("Item 9: 1");
            assertThat(browser.driver()
                            .findElements(By.cssSelector("[id='" + FORM + "trend:0:wellbeing-chart'] canvas")))
                    .as("the trend drawn")
                    .isNotEmpty();
            screenshot(browser, "3-item9");

            browser.open("caseload/index.xhtml");
            browser.waitForPage();
            // a raised flag heads the list (the wellbeing checks due of every family of Carlos's follow, by day)
            assertThat(browser.text("todo-form:todo")).contains(familyName + " Check on safety, then lower the flag");

            browser.open(record);
            browser.waitForPage();
            browser.click(By.id("tablet-" + luis));
            browser.waitForPage();
            assertThat(browser.text("page-heading")).isEqualTo("Luis, estas preguntas son para usted");
            assertThat(browser.driver().getPageSource())
                    .as("nothing of the family but the member's first name")
                    .doesNotContain(familyName)
                    .doesNotContain("Rosa")
                    .doesNotContain("Carlos");
            browser.click("tablet-form:send");
            assertThat(browser.text("tablet-form:tablet-messages")).contains("Faltan 16 respuestas");
            screenshot(browser, "4-tablet-es-missing");
            for (int q = 0; q < 9; q++) {
                answer(browser, "tablet-form:instrument:0:q:" + q + ":answer", q % 2);
            }
            for (int q = 0; q < 7; q++) {
                answer(browser, "tablet-form:instrument:1:q:" + q + ":answer", 2);
            }
            browser.driver().findElement(By.id("tablet-form:send")).click();
            browser.waiting().until(driver -> browser.isOnKeycloakLogin());
            assertThat(database.query(
                            "select instrument, total, taken_by from wellbeing_measure where member_id = cast(? as bigint)"
                                    + " order by instrument",
                            Long.toString(luis)))
                    .containsExactly(List.of("GAD7", "14", "TABLET"), List.of("PHQ9", "4", "TABLET"));
            browser.driver().navigate().back();
            browser.waiting()
                    .until(driver -> browser.isOnKeycloakLogin()
                            || !driver.getPageSource().contains("estas preguntas"));
            assertThat(browser.driver().getPageSource())
                    .as("Back after sending shows neither the questions nor the answers")
                    .doesNotContain("estas preguntas son para usted");
        }
        try (Browser browser = Browser.open()) {
            browser.signIn("sam");
            browser.open(record);
            browser.waitForPage();
            assertThat(browser.text(FORM + "trend:1:wellbeing-table"))
                    .contains("GAD-7")
                    .contains("On the tablet");
            assertThat(browser.driver().findElements(By.id(FORM + "enter-measure")))
                    .as("a supervisor reads only")
                    .isEmpty();
            assertThat(browser.driver().findElements(By.id("tablet-" + luis))).isEmpty();
            screenshot(browser, "5-supervisor");

            browser.open("reports/overview.xhtml");
            browser.waitForPage();
            assertThat(browser.text("wellbeing-report-heading")).isEqualTo("Family members' own wellbeing");
            assertThat(browser.text("members-measured"))
                    .as("two members measured today: a small count, withheld")
                    .isEqualTo("<5");
            assertThat(browser.text("wellbeing-change")).contains("PHQ-9").contains("GAD-7");
            screenshot(browser, "6-report");
        }
    }

    /** Picks the answer {@code value} (0-3) of a question, by clicking its label as a person would. */
    private static void answer(Browser browser, String radioId, int value) {
        browser.click(By.cssSelector("label[for='" + radioId + ":" + value + "']"));
    }

    /** The whole page as an image in target/wellbeing-screens, for people to look at. */
    private static void screenshot(Browser browser, String name) throws Exception {
        Number height = (Number)
                ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(1280, Math.min(6000, height.intValue() + 120)));
        Path folder = Files.createDirectories(Path.of("target", "wellbeing-screens"));
        Files.write(
                folder.resolve(name + ".png"),
                ((org.openqa.selenium.TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }
}
