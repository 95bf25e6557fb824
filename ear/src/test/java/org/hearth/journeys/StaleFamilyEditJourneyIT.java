package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The front desk edits a member's phone while a colleague changes another member's (issue 23): the save is
 * refused naming the family, what was typed stays on the page, and the latest record is loaded only when the
 * person asks for it.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class StaleFamilyEditJourneyIT {

    private final ApiClient api = new ApiClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aStaleSaveKeepsTheTypingSaysWhoseRecordChangedAndLoadsTheLatestOnlyWhenAsked() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Stale edit " + suffix;
        TestData data = new TestData(Sql.testDatabase());
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        long familyId = api.registerFamilyOfOne(programId, "Stale-" + suffix);

        try (Browser browser = Browser.open()) {
            browser.signIn("frida");
            browser.open("families/record.xhtml?id=" + familyId);
            browser.click("record-actions:edit-details");
            browser.type("tabs:details-form:members:0:phone", "+1 555 303 0001");

            // meanwhile a supervisor changes the same family from the version Frida's page read
            long read = json(api.send("sam", "GET", "families/" + familyId, null)
                            .body())
                    .getJsonNumber("version")
                    .longValue();
            assertThat(api.send("sam", "PUT", "families/" + familyId, update(suffix, "+1 555 404 0002", read))
                            .statusCode())
                    .isEqualTo(200);

            browser.click("tabs:details-form:save-details");

            assertThat(browser.messages())
                    .contains("Someone else changed this family while you were working")
                    .contains("Your changes are still here and were not saved");
            assertThat(browser.driver()
                            .findElement(By.id("tabs:details-form:members:0:phone"))
                            .getAttribute("value"))
                    .as("what Frida typed is still there")
                    .isEqualTo("+1 555 303 0001");
            Path shot = Files.createDirectories(Path.of("target", "browser-evidence"))
                    .resolve("stale-family-edit.png");
            Files.write(shot, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));

            browser.click("tabs:details-form:load-latest");

            assertThat(browser.driver()
                            .findElement(By.id("tabs:details-form:members:0:phone"))
                            .getAttribute("value"))
                    .as("the latest record replaces the typing, because Frida asked for it")
                    .isEqualTo("+1 555 404 0002");
            assertThat(browser.messages()).contains("The latest version is loaded");
        }
    }

    private static String update(String suffix, String phone, long version) {
        return """
                {"familyName": "Stale-%s", "preferredLanguage": "en", "referralSource": "SELF",
                 "members": [{"fullName": "Rosa Stale-%s", "ageYears": 50, "relationship": "PARENT", "phone": "%s",
                              "safeToLeaveMessage": true, "safeToMail": true, "participates": true}],
                 "version": %d}
                """
                .formatted(suffix, suffix, phone, version);
    }
}
