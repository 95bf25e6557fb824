package org.hearth.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Browser;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The ready plan in the browser: a counselor finds three fitting providers, records the family's interview
 * answers, gets the plan to "Ready" and sees "Treatment ready" on the caseload; the supervisor reads the plan
 * without a way to change it. Screenshots of the pages go to target/plan-screens.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class ReadyPlanBrowserIT {

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aCounselorShortlistsThreeFittingProvidersGetsThePlanReadyAndSeesItOnTheCaseload() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Plan program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        ApiClient api = new ApiClient();
        String familyName = "Ready-" + suffix;
        long familyId = api.registerFamilyOfOne(programId, familyName);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        PlanTestData plans = new PlanTestData(database);
        // withdrawal potential at 3: withdrawal management first
        long episode = plans.episodeOf(familyId, "carlos", 3, 1, 1, 2, 2, 1);
        String city = "Readyton " + suffix;
        for (String name : List.of("Lakeside Detox", "Northway Recovery", "Saint Anne Withdrawal Unit")) {
            plans.provider(
                    name + " " + suffix,
                    city,
                    name.startsWith("Lake") ? 200 : 10,
                    true,
                    3,
                    Set.of("WITHDRAWAL_MANAGEMENT", "RESIDENTIAL"),
                    Set.of("MEDICAID"),
                    Set.of("en"),
                    Set.of("BUPRENORPHINE_NALOXONE"));
        }
        plans.provider(
                "Downtown Counseling " + suffix,
                city,
                10,
                true,
                1,
                Set.of("OUTPATIENT"),
                Set.of("PRIVATE_INSURANCE"),
                Set.of("en"),
                Set.of());
        String today = LocalDate.now(ClinicTime.zone()).toString();

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.open("episodes/episode.xhtml?id=" + episode);
            browser.waitForPage();
            assertThat(browser.text("plan-status")).contains("Not ready yet").contains("no provider on the shortlist");
            assertThat(browser.text("plan-suggested")).contains("Hearth suggests Withdrawal management");

            browser.choose("plan-needs-form:payment", "Medicaid");
            browser.click("plan-needs-form:save-needs");
            assertThat(browser.messages()).contains("The needs are saved.");

            browser.type("plan-find-form:provider-search", city);
            browser.click("plan-find-form:find-providers");
            assertThat(browser.text("plan-find-form:suggestions"))
                    .contains("✓ Level: fits")
                    .contains("✓ Payment: fits")
                    .contains("Details not confirmed since");
            screenshot(browser, "1-find-providers");
            for (int i = 0; i < 3; i++) {
                assertThat(browser.text("plan-find-form:suggestions:0:add-provider"))
                        .isEqualTo("Add to shortlist");
                assertThat(browser.driver()
                                .findElement(By.xpath("//*[@id='plan-find-form:suggestions']//tbody/tr[1]"))
                                .getText())
                        .as("the best fit first: not the outpatient clinic")
                        .doesNotContain("Downtown Counseling");
                browser.click("plan-find-form:suggestions:0:add-provider");
                assertThat(browser.messages()).contains("The provider is on the shortlist.");
            }
            assertThat(browser.text("plan-shortlist-form:shortlist"))
                    .contains("Lakeside Detox")
                    .contains("Northway Recovery")
                    .contains("Saint Anne Withdrawal Unit")
                    .contains("Not interviewed yet");

            browser.click("plan-shortlist-form:shortlist:0:edit-entry");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-entry-form:detox")));
            browser.type("plan-entry-form:interviewed-on_input", today);
            browser.type("plan-entry-form:wait-days_input", "2");
            browser.type("plan-entry-form:detox", "Medically monitored, 5 to 7 days");
            browser.type("plan-entry-form:meds-offered", "Buprenorphine induction");
            browser.type("plan-entry-form:family-involvement", "Family visits on Sundays");
            browser.type("plan-entry-form:cost", "$0 with Medicaid");
            browser.type("plan-entry-form:aftercare", "Step down to IOP");
            browser.click(By.cssSelector("[id='plan-entry-form:slot-available'] .ui-chkbox-box"));
            browser.type("plan-entry-form:slot-note", "Bed held until Friday noon");
            browser.choose("plan-entry-form:preauth-state", "Not needed");
            screenshot(browser, "2-interview-answers");
            browser.click("plan-entry-form:save-entry");
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("plan-entry-form:detox")));
            assertThat(browser.text("plan-status"))
                    .startsWith("✓ Ready")
                    .contains("Lakeside Detox " + suffix)
                    .contains("Still to do before the day")
                    .contains("no transport");
            assertThat(browser.text("plan-shortlist-form:shortlist"))
                    .contains("Slot held")
                    .contains("Bed held until Friday noon")
                    .contains("Not needed");

            browser.choose("plan-prep-form:transport-kind", "The family drives");
            browser.type("plan-prep-form:transport-who", "Rosa, in her car");
            browser.type("plan-prep-form:companions", "Rosa and her brother");
            browser.pick("plan-prep-form:bag", "Photo ID");
            browser.pick("plan-prep-form:bag", "List of medications");
            browser.click("plan-prep-form:save-preparations");
            assertThat(browser.text("plan-status")).startsWith("✓ Ready").doesNotContain("Still to do");
            screenshot(browser, "3-ready");

            browser.open("caseload/index.xhtml");
            browser.waitForPage();
            browser.type("caseload-form:caseload-search", familyName);
            String row = browser.waiting().until(driver -> {
                List<WebElement> rows = driver.findElements(By.cssSelector(".caseload-table tbody tr"));
                return rows.size() == 1 && rows.get(0).getText().contains(familyName)
                        ? rows.get(0).getText()
                        : null;
            });
            assertThat(row).as("the caseload's badge").contains("Treatment ready");
            screenshot(browser, "4-caseload");
            browser.open("families/record.xhtml?id=" + familyId + "&tab=engagement");
            browser.waitForPage();
            assertThat(browser.text("tabs:episodes")).contains("Treatment ready");
        }
        try (Browser browser = Browser.open()) {
            browser.signIn("sam");
            browser.open("episodes/episode.xhtml?id=" + episode);
            browser.waitForPage();
            assertThat(browser.text("plan-status")).startsWith("✓ Ready");
            assertThat(browser.driver().findElements(By.id("plan-needs-form"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("plan-shortlist-form:shortlist:0:edit-entry")))
                    .as("a supervisor reads the plan")
                    .isEmpty();
            assertThat(browser.text("plan-preparations"))
                    .contains("The family drives")
                    .contains("Photo ID");
            screenshot(browser, "5-supervisor");
        }
        assertThat(database.query(
                        "select count(*) from ready_plan where episode_id = cast(? as bigint) and ready_since is not"
                                + " null",
                        Long.toString(episode)))
                .isEqualTo(List.of(List.of("1")));
    }

    /** The whole page as an image in target/plan-screens, for people to look at. */
    private static void screenshot(Browser browser, String name) throws Exception {
        Dimension size = browser.driver().manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(1280, Math.min(6000, height.intValue() + 120)));
        Path folder = Files.createDirectories(Path.of("target", "plan-screens"));
        Files.write(folder.resolve(name + ".png"), browser.chrome().getScreenshotAs(OutputType.BYTES));
        browser.driver().manage().window().setSize(size);
    }
}
