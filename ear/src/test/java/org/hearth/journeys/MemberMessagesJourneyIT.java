package org.hearth.journeys;

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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Members' messages on the family record, as the front desk meets them (issue 26): each member's line says why they
 * are or are not sent reminders; a member who stopped them by the link in a message is started again at her word,
 * which the dialog asks for. Screenshots go to target/member-messages-screens.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class MemberMessagesJourneyIT {

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theFrontDeskSeesEachMembersMessagesAndStartsThemAgainAtTheMembersWord() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Messages program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        ApiClient api = new ApiClient();
        HttpResponse<String> registered = api.send(
                "frida",
                "POST",
                "families",
                """
                {"familyName": "Messages-%s", "programId": %d, "preferredLanguage": "en", "referralSource": "SELF",
                 "members": [
                   {"fullName": "Grace Okafor", "ageYears": 52, "relationship": "PARENT", "email": "grace-%s@example.org",
                    "safeToLeaveMessage": true, "safeToMail": true, "participates": true},
                   {"fullName": "Paul Okafor", "ageYears": 55, "relationship": "PARENT",
                    "safeToLeaveMessage": true, "safeToMail": true, "participates": true},
                   {"fullName": "Rosa Okafor", "ageYears": 24, "relationship": "SIBLING", "email": "rosa-%s@example.org",
                    "safeToLeaveMessage": false, "safeToMail": false, "participates": true}]}
                """
                        .formatted(suffix, programId, suffix, suffix));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        long familyId = json(registered.body()).getJsonNumber("id").longValue();
        String grace = database.query(
                        "select id from family_member where family_id = cast(? as bigint) and full_name = 'Grace Okafor'",
                        Long.toString(familyId))
                .get(0)
                .get(0);
        // Grace used "Stop these messages" in a reminder
        database.update(
                "insert into message_choice (member_id, opted_out, changed_at, changed_by) values (cast(? as bigint),"
                        + " true, now(), 'link')",
                grace);

        try (Browser browser = Browser.open()) {
            browser.signIn("frida");
            browser.open("families/record.xhtml?id=" + familyId);
            browser.waitForPage();
            assertThat(line(browser, 0)).startsWith("Stopped by the member (link), ");
            assertThat(line(browser, 1)).isEqualTo("No email");
            assertThat(line(browser, 2)).isEqualTo("Not safe to mail");
            screenshot(browser, "1-members");

            browser.click("tabs:members-form:member-table:0:change-messages");
            browser.waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:messages-form:memberWord")));
            assertThat(browser.text("messages-member")).isEqualTo("Grace Okafor");
            assertThat(browser.driver()
                            .findElement(By.id("tabs:messages-form:optedOut:0"))
                            .isSelected())
                    .as("the dialog proposes the other choice: messages again")
                    .isTrue();
            browser.click("tabs:messages-form:save-messages");
            assertThat(browser.text("tabs:messages-form")).contains("Write what the member said");
            screenshot(browser, "2-word-required");

            browser.type("tabs:messages-form:memberWord", "Said by phone on 7 Dec she wants reminders again");
            browser.click("tabs:messages-form:save-messages");
            browser.waiting()
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.id("tabs:messages-form:memberWord")));
            assertThat(browser.messages()).contains("Messages started again at the member's word.");
            assertThat(line(browser, 0)).isEqualTo("Reminders by email");
            screenshot(browser, "3-started-again");
        }
        assertThat(database.query(
                        "select opted_out, changed_by, member_word from message_choice where member_id = cast(? as"
                                + " bigint)",
                        grace))
                .containsExactly(List.of("f", "frida", "Said by phone on 7 Dec she wants reminders again"));
    }

    private static String line(Browser browser, int row) {
        return browser.text("tabs:members-form:member-table:" + row + ":messages-state");
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        Dimension size = browser.driver().manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(1280, Math.min(6000, height.intValue() + 120)));
        Path folder = Files.createDirectories(Path.of("target", "member-messages-screens"));
        Files.write(folder.resolve(name + ".png"), browser.chrome().getScreenshotAs(OutputType.BYTES));
        browser.driver().manage().window().setSize(size);
    }
}
