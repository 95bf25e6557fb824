package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Community resources in the browser (issue 25): a supervisor adds a resource to the directory (a wrong phone named
 * first); a counselor finds it, gives it and another to a family from its Family plan, prints the sheet in Spanish
 * and sees the gifts on the record; the supervisor finds them counted in the program overview. Screenshots of the pages go to target/resources-screens.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class CommunityResourcesJourneyIT {

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aSupervisorAddsAResourceAndACounselorGivesTwoToAFamilyAndPrintsTheSheetInSpanish() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Resources program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        ApiClient api = new ApiClient();
        String familyName = "Gifts-" + suffix;
        long familyId = api.registerFamilyOfOne(programId, familyName);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        String alAnon = "Al-Anon Hope Group " + suffix;
        String naloxone = "Naloxone pick-up " + suffix;
        database.update(
                "insert into community_resource (name, kind, phone, hours, setting, confirmed_on, created_by,"
                        + " created_at, updated_by, updated_at) values (?, 'NALOXONE_PICKUP', '(518) 555-0190',"
                        + " 'Mon-Fri 9-4', 'IN_PERSON', current_date - 200, 'sam', now(), 'sam', now())",
                naloxone);

        try (Browser browser = Browser.open()) {
            browser.signIn("sam");
            browser.click("menu-community");
            browser.click("add-resource");
            browser.type("resource-form:name", alAnon);
            browser.choose("resource-form:kind", "Mutual help for families");
            browser.type("resource-form:address", "12 Elm St, Albany");
            browser.type("resource-form:phone", "555-01");
            browser.type("resource-form:hours", "Tuesdays 7-8:30 pm");
            browser.click("resource-form:save");
            assertThat(browser.text("resource-form")).contains("The phone number is 10 digits");
            browser.type("resource-form:phone", "(518) 555-0147");
            browser.click("resource-form:save");
            assertThat(browser.messages()).contains("The resource " + alAnon + " is saved.");
            assertThat(browser.text("resource-kind")).isEqualTo("Mutual help for families");
            screenshot(browser, "1-resource");

            browser.click("back");
            browser.type("resources-form:resource-search", suffix);
            browser.waiting().until(d -> d.findElement(By.id("resources-form:resources"))
                    .getText()
                    .contains(naloxone));
            assertThat(browser.text("resources-form:resources"))
                    .contains(alAnon)
                    .contains("Needs checking");
            screenshot(browser, "2-directory");
        }

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.click("menu-community");
            assertThat(browser.driver().findElements(By.id("add-resource")))
                    .as("a counselor only reads")
                    .isEmpty();

            browser.open("families/record.xhtml?id=" + familyId + "&tab=plan");
            browser.waitForPage();
            assertThat(browser.text("tabs:gifts")).contains("Nothing given yet.");
            pickResource(browser, alAnon);
            pickResource(browser, naloxone);
            browser.press(Keys.ESCAPE);
            browser.pick("tabs:give-form:memberIds", "Rosa " + familyName);
            browser.pick("tabs:give-form:how", "Handed in a session");
            browser.click("tabs:give-form:give");
            assertThat(browser.messages()).contains("Recorded: 2 given.");
            browser.waiting()
                    .until(d -> d.findElement(By.id("tabs:gifts")).getText().contains(naloxone));
            assertThat(browser.text("tabs:gifts"))
                    .contains(alAnon)
                    .contains("Rosa " + familyName)
                    .contains("Handed in a session")
                    .contains("carlos");
            screenshot(browser, "3-family-plan");

            browser.pick("tabs:give-form:language", "Spanish");
            browser.click("tabs:give-form:print-sheet");
            browser.waiting().until(d -> !database.query(
                            "select 1 from audit_entry where action = 'PRINT_RESOURCE_SHEET' and family_id = cast(? as bigint)",
                            Long.toString(familyId))
                    .isEmpty());
        }
        try (Browser browser = Browser.open()) {
            browser.signIn("sam");
            browser.click("menu-overview");
            // the overview Sam landed on when signing in earlier is kept a few minutes: "Show" counts afresh
            browser.choose("filter-form:program", program);
            browser.click("filter-form:apply");
            assertThat(browser.text("resources-given-heading")).isEqualTo("Resources given");
            assertThat(browser.text("resources-given"))
                    .as("2 given: a small count")
                    .isEqualTo("<5");
            assertThat(browser.text("families-given-resources")).isEqualTo("<5");
            assertThat(browser.text("resources-by-kind"))
                    .contains("Mutual help for families")
                    .contains("Naloxone pick-up");
            screenshot(browser, "4-report");
        }
        assertThat(database.query(
                        "select substr(reason, 1, 3) from audit_entry where action = 'PRINT_RESOURCE_SHEET'"
                                + " and family_id = cast(? as bigint) and username = 'carlos'",
                        Long.toString(familyId)))
                .isEqualTo(List.of(List.of("es:")));
        assertThat(database.query(
                        "select r.name, g.given_how from resource_gift g join community_resource r on r.id = g.resource_id"
                                + " where g.family_id = cast(? as bigint) order by r.name",
                        Long.toString(familyId)))
                .isEqualTo(List.of(List.of(alAnon, "IN_SESSION"), List.of(naloxone, "IN_SESSION")));
    }

    /** Opens the resource picker if needed, narrows it to the name typed, and ticks the entry. */
    private static void pickResource(Browser browser, String name) {
        String menu = "tabs:give-form:resourceIds";
        if (!browser.driver().findElement(By.id(menu + "_panel")).isDisplayed()) {
            browser.click(By.cssSelector("[id='" + menu + "'] .ui-selectcheckboxmenu-trigger"));
        }
        browser.waiting().until(d -> d.findElement(By.id(menu + "_panel")).isDisplayed());
        browser.type(By.cssSelector("[id='" + menu + "_panel'] input.ui-inputfield"), name);
        By item = By.xpath("//*[@id='" + menu + "_panel']//li[contains(., '" + name + "')]//div[contains(@class,"
                + " 'ui-chkbox-box')]");
        browser.waiting().until(d -> d.findElement(item).isDisplayed());
        browser.click(item);
        // the menu filters as it is typed in: a click while it redraws its items is lost, so see the box ticked
        ExpectedCondition<Boolean> ticked =
                d -> d.findElement(item).getAttribute("class").contains("ui-state-active");
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(3)).until(ticked);
        } catch (TimeoutException lost) {
            browser.click(item);
            browser.waiting().until(ticked);
        }
    }

    /** The whole page as an image in target/resources-screens, for people to look at. */
    private static void screenshot(Browser browser, String name) throws Exception {
        Dimension size = browser.driver().manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(1280, Math.min(6000, height.intValue() + 120)));
        Path folder = Files.createDirectories(Path.of("target", "resources-screens"));
        Files.write(folder.resolve(name + ".png"), browser.chrome().getScreenshotAs(OutputType.BYTES));
        browser.driver().manage().window().setSize(size);
    }
}
