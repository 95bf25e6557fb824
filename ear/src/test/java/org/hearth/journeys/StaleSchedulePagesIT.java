package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * A stale save on a schedule page, in a real browser (issue 23): the administrator's choices stay on the form, the
 * page says that someone else changed the clinic hours, shows the hours saved meanwhile, and "Load the latest"
 * puts those on the form. The page is left as a screenshot in {@code target/browser-evidence}.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class StaleSchedulePagesIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theHoursSavedAfterSomeoneElsesKeepTheAdministratorsChoicesShowTheLatestAndLoadThemOnRequest()
            throws Exception {
        new TestData(database).realmStaff("ada", "Ada Kowalski", "admin");
        try (Browser browser = Browser.open()) {
            browser.signIn("ada");
            browser.open("admin/clinic.xhtml");
            browser.waitForPage();

            // meanwhile, over the API, someone opens the clinic on Sundays from 10 to 14
            JsonWeek week =
                    new JsonWeek(api.send("ada", "GET", "clinic/hours", null).body());
            HttpResponse<String> sunday = api.send("ada", "PUT", "clinic/hours", week.withSunday("10:00", "14:00"));
            assertThat(sunday.statusCode()).as(sunday.body()).isEqualTo(200);

            // on the page opened before, Monday closes at 18:00
            browser.choose("hours-form:hours:0:closes", "18:00");
            browser.click("hours-form:save-hours");
            assertThat(browser.messages())
                    .contains("Someone else changed this clinic's hours while you were working. Your changes are still"
                            + " here and were not saved");
            assertThat(selected(browser, "hours-form:hours:0:closes_input"))
                    .as("her Monday is kept")
                    .isEqualTo("18:00");
            assertThat(browser.text("hours-latest"))
                    .contains("Saved meanwhile by someone else")
                    .contains("Sunday 10:00–14:00")
                    .contains("Monday 08:00–20:00");
            Path shots = Files.createDirectories(Path.of("target", "browser-evidence"));
            Files.write(
                    shots.resolve("clinic-hours-conflict.png"),
                    ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));

            browser.click("hours-form:load-latest");
            assertThat(browser.messages()).contains("The latest opening hours are loaded");
            assertThat(selected(browser, "hours-form:hours:0:closes_input")).isEqualTo("20:00");
            assertThat(selected(browser, "hours-form:hours:6:opens_input"))
                    .as("Sunday, saved meanwhile")
                    .isEqualTo("10:00");
            browser.choose("hours-form:hours:0:closes", "18:00");
            browser.click("hours-form:save-hours");
            assertThat(browser.messages()).contains("The opening hours are saved.");
            JsonWeek saved =
                    new JsonWeek(api.send("ada", "GET", "clinic/hours", null).body());
            assertThat(saved.body()).contains("\"closesAt\":\"18:00").contains("\"opensAt\":\"10:00");
        } finally {
            database.update("delete from clinic_hours");
            database.update("insert into clinic_hours (day_of_week, opens_at, closes_at) values"
                    + " (1, '08:00', '20:00'), (2, '08:00', '20:00'), (3, '08:00', '20:00'), (4, '08:00', '20:00'),"
                    + " (5, '08:00', '18:00'), (6, '09:00', '13:00')");
        }
    }

    private static String selected(Browser browser, String selectId) {
        return (String) ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "var s = document.getElementById(arguments[0]);"
                                + " return s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text;",
                        selectId);
    }

    /** The week as {@code GET /clinic/hours} answers it. */
    private record JsonWeek(String body) {

        /** The same week and version, open on Sundays. */
        String withSunday(String opens, String closes) {
            long version = json(body).getJsonNumber("version").longValue();
            return """
                    {"days": [{"day": "MONDAY", "opensAt": "08:00", "closesAt": "20:00"},
                     {"day": "TUESDAY", "opensAt": "08:00", "closesAt": "20:00"},
                     {"day": "WEDNESDAY", "opensAt": "08:00", "closesAt": "20:00"},
                     {"day": "THURSDAY", "opensAt": "08:00", "closesAt": "20:00"},
                     {"day": "FRIDAY", "opensAt": "08:00", "closesAt": "18:00"},
                     {"day": "SATURDAY", "opensAt": "09:00", "closesAt": "13:00"},
                     {"day": "SUNDAY", "opensAt": "%s", "closesAt": "%s"}], "version": %d}
                    """
                    .formatted(opens, closes, version);
        }
    }
}
