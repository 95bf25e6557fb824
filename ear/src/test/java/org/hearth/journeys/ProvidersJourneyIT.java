package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The treatment-provider directory in the browser (issue 24): a supervisor imports the bad sample file and sees
 * each broken row's problems with nothing imported, imports the good one, finds a provider by search and filters
 * and edits it; a counselor reads the same list and page without a way to change them.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class ProvidersJourneyIT {

    private static final Path SAMPLES = Path.of("..", "docs", "samples");

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aSupervisorImportsTheLocatorFileAfterSeeingTheBadRowsThenFindsAndEditsAProviderWhichACounselorOnlyReads()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        TestData data = new TestData(database);
        data.realmStaff("sam", "Sam Okafor", "supervisor");
        data.realmStaff("carlos", "Carlos Rivera", "counselor");
        // the good sample, with locator ids and one name of this run, so that the import creates every row
        String riverbend = "Riverbend Recovery Center " + suffix;
        Path good = Files.createTempFile("locator-", ".csv");
        Files.writeString(
                good,
                Files.readString(SAMPLES.resolve("treatment-locator-sample.csv"))
                        .replaceAll("(?m)^OH-", "R" + suffix + "-")
                        .replace("Riverbend Recovery Center", riverbend));
        Path bad = SAMPLES.resolve("treatment-locator-bad-rows.csv")
                .toAbsolutePath()
                .normalize();

        try (Browser browser = Browser.open()) {
            browser.signIn("sam");
            browser.click("menu-providers");
            browser.click("import-providers");

            upload(browser, bad);
            assertThat(browser.text("preview-heading"))
                    .isEqualTo("File treatment-locator-bad-rows.csv: 3 new, 0 updated, 5 rows with problems.");
            assertThat(browser.text("fix-rows")).contains("Nothing is imported while any row has a problem");
            assertThat(browser.driver().findElements(By.id("import-form:import")))
                    .isEmpty();
            String rows = browser.text("import-form:preview-rows");
            assertThat(rows)
                    .contains("Column zip: The ZIP code is 5 digits or 5+4 digits")
                    .contains("Column state: The state is two letters, such as NY (not \"Ohio\").")
                    .contains("Column MD: The column MD holds 1 (offered) or 0, not \"maybe\".")
                    .contains("Column locator_id: The locator id OH-BAD-1 is already on row 2 of this file.");
            assertThat(database.query("select id from treatment_provider where locator_id like 'OH-BAD-%'"))
                    .isEmpty();

            upload(browser, good);
            assertThat(browser.text("preview-heading")).endsWith(": 25 new, 0 updated, 0 rows with problems.");
            assertThat(browser.text("import-form:import")).isEqualTo("Import 25 providers");
            browser.click("import-form:import");
            assertThat(browser.messages()).contains("Imported: 25 new providers, 0 updated.");
            assertThat(database.query(
                            "select count(*) from treatment_provider where locator_id like ?", "R" + suffix + "-%"))
                    .containsExactly(java.util.List.of("25"));

            browser.click("back");
            browser.type("providers-form:provider-search", riverbend);
            waitForText(browser, "providers-form:providers", riverbend);
            browser.choose("providers-form:filter-level", "Withdrawal management (detox)");
            assertThat(browser.text("providers-form:providers"))
                    .contains(riverbend)
                    .contains("Methadone");
            browser.choose("providers-form:filter-medication", "Buprenorphine alone (tablet)");
            assertThat(browser.text("providers-form:providers")).contains("No provider matches these filters.");
            browser.click("providers-form:clear-filters");
            browser.type("providers-form:provider-search", riverbend);
            waitForText(browser, "providers-form:providers", riverbend);

            browser.click(By.linkText(riverbend));
            assertThat(browser.text("page-heading")).isEqualTo(riverbend);
            browser.click("actions-form:edit");
            browser.type("provider-form:typicalWaitDays", "3");
            browser.type("provider-form:zip", "4540");
            browser.click("provider-form:save");
            assertThat(browser.text("provider-form")).contains("The ZIP code is 5 digits or 5+4 digits");
            // what was typed stays, the refused field too, to be corrected rather than typed again
            assertThat(browser.driver().findElement(By.id("provider-form:zip")).getDomProperty("value"))
                    .isEqualTo("4540");
            assertThat(browser.driver()
                            .findElement(By.id("provider-form:typicalWaitDays"))
                            .getDomProperty("value"))
                    .isEqualTo("3");
            browser.type("provider-form:zip", "45402");
            browser.click("provider-form:save");
            assertThat(browser.messages()).contains("The provider " + riverbend + " is saved.");
            assertThat(browser.text("provider-wait")).isEqualTo("3 days");
        }

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.click("menu-providers");
            assertThat(browser.driver().findElements(By.id("import-providers"))).isEmpty();
            browser.type("providers-form:provider-search", riverbend);
            waitForText(browser, "providers-form:providers", riverbend);
            browser.click(By.linkText(riverbend));
            assertThat(browser.text("provider-wait")).isEqualTo("3 days");
            assertThat(browser.driver().findElements(By.id("actions-form:edit")))
                    .isEmpty();
            browser.open("providers/import.xhtml");
            assertThat(browser.driver().findElements(By.id("access-denied"))).isNotEmpty();
        }
    }

    private static void waitForText(Browser browser, String id, String text) {
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        browser.waitForPage();
    }

    private static void upload(Browser browser, Path file) {
        browser.driver()
                .findElement(By.cssSelector("#upload-form input[type='file']"))
                .sendKeys(file.toAbsolutePath().normalize().toString());
        browser.click("upload-form:preview");
    }
}
