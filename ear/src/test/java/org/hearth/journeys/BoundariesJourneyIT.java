package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Boundaries in the browser: a counselor adds a boundary agreed a month ago, finds its review overdue on the
 * to-do list, reviews it as broken in the session's note, and sees the history on the family plan; the supervisor
 * reads it without a way to change it. Screenshots of the pages go to target/boundary-screens.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class BoundariesJourneyIT {

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aCounselorAddsABoundaryReviewsItAsBrokenInANoteAndSeesTheHistoryAndTheToDoEntry() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Boundary program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        ApiClient api = new ApiClient();
        String familyName = "Limits-" + suffix;
        long familyId = api.registerFamilyOfOne(programId, familyName);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        String memberName = database.query(
                        "select full_name from family_member where family_id = cast(? as bigint)",
                        Long.toString(familyId))
                .get(0)
                .get(0);
        LocalDate agreed = LocalDate.now(ClinicTime.zone()).minusDays(30);
        String wording = "We don't give Sam cash, not even for gas " + suffix;

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.open("families/record.xhtml?id=" + familyId + "&tab=plan");
            browser.waitForPage();
            assertThat(browser.text("tabs:boundaries-list-form:boundaries-list"))
                    .contains("No boundaries yet.");
            browser.click("tabs:boundaries-list-form:add-boundary");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:boundary-form:wording")));
            browser.choose("tabs:boundary-form:kind", "No money given");
            browser.type("tabs:boundary-form:wording", wording);
            browser.type("tabs:boundary-form:consequence", "We offer a meal or a bus pass instead");
            browser.pick("tabs:boundary-form:holders", memberName);
            // the picker holds today: select it all and type over it, as a user does
            browser.driver()
                    .findElement(By.id("tabs:boundary-form:agreed-on_input"))
                    .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, agreed.toString());
            screenshot(browser, "1-add-boundary");
            browser.click("tabs:boundary-form:save-boundary");
            browser.waiting()
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.id("tabs:boundary-form:wording")));
            assertThat(browser.messages()).contains("The boundary is added.");
            assertThat(browser.text("tabs:boundaries-list-form:boundaries-list"))
                    .contains("No money given")
                    .contains(wording)
                    .contains(memberName)
                    .contains("We offer a meal or a bus pass instead")
                    .contains("Review overdue")
                    .contains("Not reviewed yet");
            screenshot(browser, "2-family-plan");

            browser.open("caseload/index.xhtml");
            browser.waitForPage();
            assertThat(browser.text("todo-form:todo"))
                    .contains("Review a boundary: " + wording)
                    .contains(familyName);

            // the session held yesterday, its note opened by Carlos
            database.update(
                    "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                            + " booked_by, booked_at) select cast(? as bigint), 'CRAFT_SESSION', s.id, true,"
                            + " now() - interval '26 hours', now() - interval '25 hours', 'COMPLETED', 'frida', now()"
                            + " from staff_member s where s.username = 'carlos'",
                    Long.toString(familyId));
            String session = database.query(
                            "select max(id) from appointment where family_id = cast(? as bigint)",
                            Long.toString(familyId))
                    .get(0)
                    .get(0);
            long noteId = json(api.send("carlos", "POST", "notes", "{\"appointmentId\": " + session + "}")
                            .body())
                    .getJsonNumber("id")
                    .longValue();
            browser.open("notes/note.xhtml?id=" + noteId);
            browser.waitForPage();
            assertThat(browser.text("note-form:note-boundaries")).contains(wording);
            browser.pick("note-form:boundary-reviews:0:outcome", "Broken");
            browser.click("note-form:boundary-reviews:0:record-review");
            assertThat(browser.text("note-form:note-boundaries"))
                    .as("what happened is asked for")
                    .contains("Say what happened when the boundary was broken.");
            browser.type("note-form:boundary-reviews:0:what-happened", "Gave him $20 for gas on Friday");
            browser.click("note-form:boundary-reviews:0:record-review");
            assertThat(browser.text("note-form:note-boundaries"))
                    .contains("The review is recorded in this note.")
                    .contains("Recorded");
            screenshot(browser, "3-note-review");

            browser.open("families/record.xhtml?id=" + familyId + "&tab=plan");
            browser.waitForPage();
            browser.click(By.cssSelector(".boundary-history summary"));
            String plan = browser.text("tabs:boundaries-list-form:boundaries-list");
            assertThat(plan)
                    .contains("Broken")
                    .contains("kept 0 times, broken once, changed 0 times")
                    .contains("Gave him $20 for gas on Friday")
                    .contains("Carlos Rivera")
                    .doesNotContain("Review overdue");
            screenshot(browser, "4-history");
            browser.open("caseload/index.xhtml");
            browser.waitForPage();
            assertThat(browser.driver().findElements(By.id("todo-form:todo")).isEmpty()
                            || !browser.text("todo-form:todo").contains(wording))
                    .as("reviewed: off the to-do list")
                    .isTrue();
        }

        try (Browser browser = Browser.open()) {
            browser.signIn("sam");
            browser.open("families/record.xhtml?id=" + familyId + "&tab=plan");
            browser.waitForPage();
            assertThat(browser.text("tabs:boundaries-list-form:boundaries-list"))
                    .contains(wording);
            assertThat(browser.driver().findElements(By.id("tabs:boundaries-list-form:add-boundary")))
                    .as("a supervisor reads only")
                    .isEmpty();
            screenshot(browser, "5-supervisor");
        }
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        Dimension size = browser.driver().manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(1280, Math.min(6000, height.intValue() + 120)));
        Path folder = Files.createDirectories(Path.of("target", "boundary-screens"));
        Files.write(folder.resolve(name + ".png"), browser.chrome().getScreenshotAs(OutputType.BYTES));
        browser.driver().manage().window().setSize(size);
    }
}
