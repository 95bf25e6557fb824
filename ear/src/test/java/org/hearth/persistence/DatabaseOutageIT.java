package org.hearth.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.hearth.audit.VerifyAudit;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * PostgreSQL stopped while staff work, then started again: a page and an API call made meanwhile answer 503
 * "try again in a minute" (no trace), and once the database is back the very next requests work, without
 * restarting WildFly (the pool validates its connections), with everything committed before still there and
 * the audit chain intact. The database is started again whatever happens, for the tests after this one.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class DatabaseOutageIT {

    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aDatabaseStoppedWhileStaffWorkIsAnsweredTryAgainAndTheServerRecoversByItself() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Outage " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        long before = api.registerFamilyOfOne(programId, "Before " + suffix);
        String token = Keycloak.accessTokenOf("frida");

        try (Browser browser = Browser.open()) {
            browser.signIn("frida");
            browser.open("families/record.xhtml?id=" + before);
            browser.waitForPage();
            assertThat(browser.driver().getPageSource()).contains("Before " + suffix);
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            browser.click("record-actions:edit-details");
            By familyName = By.cssSelector("input[id$=':familyName']");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(familyName));
            browser.driver().findElement(familyName).clear();
            browser.driver().findElement(familyName).sendKeys("Renamed " + suffix);

            HearthStack.stopDatabaseForAWhile();
            try {
                browser.click(By.cssSelector("button[id$=':save-details']"));
                browser.waiting().until(driver -> driver.findElement(By.id("messages"))
                        .getText()
                        .contains("The records are unavailable for a moment; try again in a minute."));
                assertThat(browser.driver().findElement(familyName).getAttribute("value"))
                        .as("what was typed stays on the page, to send again")
                        .isEqualTo("Renamed " + suffix);

                HttpResponse<String> apiAnswer = api.sendWithToken(token, "GET", "families/" + before, null);
                assertThat(apiAnswer.statusCode()).as(apiAnswer.body()).isEqualTo(503);
                assertThat(json(apiAnswer.body()).getString("detail"))
                        .isEqualTo("The records are unavailable for a moment; try again in a minute.");
                assertThat(apiAnswer.headers().firstValue("Retry-After")).hasValue("60");

                HttpResponse<String> page = pageInSession(session, "families/record.xhtml?id=" + before);
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.body())
                        .contains("The records are unavailable for a moment; try again in a minute.")
                        .as("no stack trace: no frame, no cause")
                        .doesNotContainPattern("at [a-z][\\w.$]*\\(\\w+\\.java:\\d+\\)")
                        .doesNotContain("Caused by:");

                browser.driver().get(HearthStack.appUrl() + "families/record.xhtml?id=" + before);
                assertThat(browser.driver().findElement(By.id("page-heading")).getText())
                        .isEqualTo("Try again in a minute");
                assertThat(browser.text("records-unavailable"))
                        .contains("The records are unavailable for a moment; try again in a minute.");
            } finally {
                HearthStack.startDatabaseAgain();
            }

            // the very next requests work: no restart, no second try
            HttpResponse<String> again = api.sendWithToken(token, "GET", "families/" + before, null);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(json(again.body()).getString("familyName")).isEqualTo("Before " + suffix);
            browser.open("families/record.xhtml?id=" + before);
            assertThat(browser.driver().getPageSource()).contains("Before " + suffix);
            long after = api.registerFamilyOfOne(programId, "After " + suffix);
            JsonObject registered = json(
                    api.sendWithToken(token, "GET", "families/" + after, null).body());
            assertThat(registered.getString("familyName")).isEqualTo("After " + suffix);
        }

        assertThat(database.query(
                        "select count(*) from family where family_name in (?, ?)",
                        "Before " + suffix,
                        "After " + suffix))
                .isEqualTo(List.of(List.of("2")));
        try (Connection connection = DriverManager.getConnection(HearthStack.jdbcUrl(), "hearth", "hearth")) {
            assertThat(VerifyAudit.verify(connection).isIntact())
                    .as("the audit chain verifies after the outage")
                    .isTrue();
        }
    }

    /** A page opened with the browser's session, to read the status code a browser does not show. */
    private static HttpResponse<String> pageInSession(Cookie session, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(HearthStack.appUrl() + path))
                                .header("Cookie", session.getName() + "=" + session.getValue())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
