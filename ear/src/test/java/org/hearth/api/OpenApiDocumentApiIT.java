package org.hearth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hearth.testing.ApiClient.json;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The generated OpenAPI document as a developer meets it: served without sign-in, the API page (Swagger UI) for
 * signed-in staff showing every operation under the pages' Content-Security-Policy, and the check every API test's
 * answers go through ({@code ApiConformance}) refusing an answer the document does not describe.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class OpenApiDocumentApiIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ApiClient api = new ApiClient();
    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(HearthStack.appUrl() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDocumentIsServedWithoutSignInAndThePageOnlyToStaff() throws Exception {
        HttpResponse<String> document = get("api-docs/openapi.json");
        assertThat(document.statusCode()).isEqualTo(200);
        JsonObject openApi = json(document.body());
        assertThat(openApi.getString("openapi")).isEqualTo("3.1.0");
        assertThat(openApi.getJsonObject("paths").keySet())
                .contains("/api/v1/me", "/api/v1/programs", "/api/v1/reports", "/api/v1/families/{id}");
        assertThat(get("api-docs/openapi.yaml").body()).contains("\nopenapi: 3.1.0\n");

        HttpResponse<String> page = get("api-docs/");
        assertThat(page.statusCode())
                .as("the API page is refused to a stranger: sent to sign in, or 401 to a client that is no browser")
                .isIn(302, 401);
        assertThat(page.body()).doesNotContain("swagger-ui");
        assertThat(get("webjars/swagger-ui/5.35.0/swagger-ui-bundle.js").statusCode())
                .isIn(302, 401);
    }

    @Test
    void anAnswerTheDocumentDoesNotDescribeFailsTheTestThatGotIt() throws Exception {
        new TestData(database).realmStaff("carlos", "Carlos Rivera", "counselor");

        assertThatThrownBy(() -> api.send("carlos", "GET", "no-such-thing", null))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no operation of the OpenAPI document is GET /api/v1/no-such-thing");
        assertThat(api.send("carlos", "GET", "me", null).statusCode()).isEqualTo(200);
    }

    @Test
    void signedInStaffReadEveryOperationOnTheApiPage() throws Exception {
        new TestData(database).realmStaff("carlos", "Carlos Rivera", "counselor");
        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.open("api-docs/");
            browser.waiting().until(driver -> !driver.findElements(By.cssSelector(".opblock"))
                    .isEmpty());
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".info .title"))
                            .getText())
                    .startsWith("Hearth API");
            // the page draws the operations near the window only: read them as a reader scrolling down would
            Set<String> paths = new HashSet<>();
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            long before = -1;
            for (int step = 0; step < 400; step++) {
                browser.driver().findElements(By.cssSelector(".opblock-summary-path")).stream()
                        .map(e -> e.getAttribute("data-path"))
                        .forEach(paths::add);
                long at = ((Number) page.executeScript("window.scrollBy(0, 600); return window.scrollY;")).longValue();
                if (at == before) {
                    break; // the end of the page
                }
                before = at;
                Thread.sleep(150);
            }
            assertThat(paths)
                    .as("operations read on the page")
                    .hasSizeGreaterThan(70)
                    .contains("/api/v1/reports", "/api/v1/programs", "/api/v1/families/{id}/intake");
            page.executeScript("window.scrollTo(0, 0)");
            assertThat(browser.driver().findElements(By.cssSelector(".btn.authorize")))
                    .as("a token can be given")
                    .isNotEmpty();
            Path shots = Files.createDirectories(Path.of("target", "browser-evidence"));
            Files.write(
                    shots.resolve("api-page.png"),
                    ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        }
    }
}
