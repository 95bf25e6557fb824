package org.hearth.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

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

/**
 * Education given in the browser: a counselor ticks two topics in a session note and signs it, sees them on the
 * signed note and on the family record's plan (the other topics "not covered yet"), and opens the Spanish handout.
 * Screenshots go to target/education-screens.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class EducationBrowserIT {

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aCounselorTicksTwoTopicsSignsAndFindsThemOnTheRecordWithTheSpanishHandout() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Education program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        ApiClient api = new ApiClient();
        long familyId = api.registerFamilyOfOne(programId, "Taught-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        database.update(
                "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                        + " booked_by, booked_at) select cast(? as bigint), 'CRAFT_SESSION', s.id, true,"
                        + " now() - interval '3 hours', now() - interval '2 hours', 'COMPLETED', 'frida', now()"
                        + " from staff_member s where s.username = 'carlos'",
                Long.toString(familyId));
        String session = database.query(
                        "select max(id) from appointment where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0);
        database.update(
                "insert into appointment_member select cast(? as bigint), m.id from family_member m"
                        + " where m.family_id = cast(? as bigint)",
                session,
                Long.toString(familyId));
        long noteId = json(api.send("carlos", "POST", "notes", "{\"appointmentId\": " + session + "}")
                        .body())
                .getJsonNumber("id")
                .longValue();

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.open("notes/note.xhtml?id=" + noteId);
            browser.waitForPage();
            writeInEditor(browser, "note-form:data", "Rosa asked what to do if her son stops breathing.");
            writeInEditor(browser, "note-form:assessment", "Rosa is worried and ready to learn.");
            writeInEditor(browser, "note-form:plan", "Practise the naloxone steps next week.");
            browser.pick("note-form:education-topics", "Overdose signs and naloxone use");
            browser.pick("note-form:education-topics", "Self-care for the family");
            screenshot(browser, "1-note-checklist");
            browser.click("note-form:sign");
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            assertThat(browser.messages()).contains("The note is signed.");
            assertThat(browser.text("read-education"))
                    .contains("Overdose signs and naloxone use")
                    .contains("Self-care for the family")
                    .doesNotContain("Withdrawal");
            screenshot(browser, "2-signed-note");

            browser.open("families/record.xhtml?id=" + familyId + "&tab=plan");
            browser.waitForPage();
            String part = browser.text("family-education");
            assertThat(part)
                    .contains("Education given")
                    .contains("Carlos Rivera")
                    .contains("Not covered yet:")
                    .contains("Withdrawal and its timeline");
            assertThat(browser.driver()
                            .findElement(By.xpath("//*[@id='family-education']//tr[td[contains(., 'Overdose signs')]]"))
                            .getText())
                    .contains("Carlos Rivera")
                    .doesNotContain("Not covered yet");
            screenshot(browser, "3-family-plan");

            String spanish = browser.driver()
                    .findElement(By.xpath(
                            "//*[@id='family-education']//tr[td[contains(., 'Self-care')]]" + "//a[@hreflang='es']"))
                    .getAttribute("href");
            assertThat(spanish).endsWith("/handouts/self-care.pdf?lang=es");
            Object opened = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript(
                            "var done = arguments[arguments.length - 1];"
                                    + " fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                                    + " + r.headers.get('Content-Type') + ' ' + new TextDecoder('latin1')"
                                    + ".decode(new Uint8Array(b).slice(0, 5)))))",
                            spanish);
            assertThat(opened).isEqualTo("200 application/pdf %PDF-");
        }
        assertThat(database.query(
                        "select topic from note_education_topic where note_id = cast(? as bigint) order by topic",
                        Long.toString(noteId)))
                .isEqualTo(List.of(List.of("OVERDOSE_NALOXONE"), List.of("SELF_CARE")));
    }

    private static void writeInEditor(Browser browser, String editorId, String text) {
        browser.driver()
                .findElement(By.cssSelector("[id='" + editorId + "'] .ql-editor"))
                .click();
        browser.driver()
                .findElement(By.cssSelector("[id='" + editorId + "'] .ql-editor"))
                .sendKeys(text);
    }

    /** The whole page as an image in target/education-screens, for people to look at. */
    private static void screenshot(Browser browser, String name) throws Exception {
        Dimension size = browser.driver().manage().window().getSize();
        Number height = (Number)
                ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(1280, Math.min(6000, height.intValue() + 120)));
        Path folder = Files.createDirectories(Path.of("target", "education-screens"));
        Files.write(folder.resolve(name + ".png"), browser.chrome().getScreenshotAs(OutputType.BYTES));
        browser.driver().manage().window().setSize(size);
    }
}
