package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.testing.ApiClient.json;

import java.net.http.HttpResponse;
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

/**
 * From "yes" to the first day of treatment in the browser: the counselor records an accepted offer, turns it into a
 * referral to a provider found in the directory, records its steps and the arrival, and the loved one stands at
 * "Entered treatment"; another family's referral that had no step for a day and more is at the top of the attention
 * list, saying why.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class ReferralJourneyIT {

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void theCounselorTurnsAnAcceptedOfferIntoAReferralFollowsItToArrivalAndSeesAStalledOneOnTop() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Referral journey " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        ApiClient api = new ApiClient();
        String episode = episodeOfCarlos(api, programId, "Arrival-" + suffix, "Nico");
        String stalled = episodeOfCarlos(api, programId, "Stalled-" + suffix, "Theo");
        String provider = "Lakeside Recovery " + suffix;
        long providerId = Long.parseLong(database.query(
                        "insert into treatment_provider (name, city, phone, confirmed_on, created_by, created_at,"
                                + " updated_by, updated_at) values (?, 'Dayton', '555-0177', current_date, 'test', now(),"
                                + " 'test', now()) returning id",
                        provider)
                .get(0)
                .get(0));
        stalledReferral(api, stalled, providerId);

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.open("episodes/episode.xhtml?id=" + episode);
            browser.waitForPage();
            browser.choose("event-form:offered-by", "Family invitation");
            browser.click(
                    By.xpath(
                            "//*[@id='event-form:response']//div[contains(@class, 'ui-button')][normalize-space()='Accepted']"));
            browser.click("event-form:record");
            assertThat(browser.messages()).contains("The event is recorded.");

            browser.type("referral-form:provider-name", "lakeside recovery " + suffix);
            browser.click("referral-form:find-providers");
            browser.choose("referral-form:provider", provider + ", Dayton");
            browser.choose("referral-form:level", "Intensive outpatient (IOP)");
            browser.click("referral-form:make-referral");
            assertThat(browser.messages()).contains("The referral is made");
            assertThat(browser.text("episode-status")).contains("Preparing");
            assertThat(browser.text("open-referral")).contains(provider);
            assertThat(browser.text("next-step")).contains("Provider contacted");

            browser.click("referral-form:record-step");
            assertThat(browser.messages()).contains("The step is recorded.");
            assertThat(browser.text("next-step")).contains("Intake booked");
            LocalDate tomorrow = LocalDate.now(ClinicTime.zone()).plusDays(1);
            browser.type("referral-form:intake_input", tomorrow + " 09:30");
            browser.click("referral-form:record-step");
            assertThat(browser.text("intake-at")).contains("9:30").doesNotContain("Not booked");
            assertThat(browser.text("referral-steps"))
                    .contains("Provider contacted")
                    .contains("Intake booked");

            browser.choose("referral-form:step-kind", "Arrived");
            browser.click("referral-form:record-step");
            assertThat(browser.messages()).contains("The loved one arrived");
            assertThat(browser.text("episode-status")).contains("Entered treatment");
            assertThat(browser.text("referral-form:past-referrals"))
                    .contains(provider)
                    .contains("Intensive outpatient (IOP)")
                    .contains("Arrived");
            assertThat(browser.text("timeline-form:timeline")).contains(provider);

            browser.open("episodes/attention.xhtml");
            browser.waitForPage();
            assertThat(browser.driver()
                            .findElement(By.xpath("//*[@id='attention-page:attention-list']//tbody/tr[1]"))
                            .getText())
                    .as("a stalled referral heads the list")
                    .contains("Referral stalled: no step since");
            assertThat(browser.driver()
                            .findElement(
                                    By.xpath("//*[@id='attention-page:attention-list']//tbody/tr[contains(., 'Stalled-"
                                            + suffix + "')]"))
                            .getText())
                    .contains("Theo")
                    .contains("Referral stalled: no step since");
        }
    }

    /** A family of Carlos's whose loved one refuses since 20 days: its episode's id. */
    private String episodeOfCarlos(ApiClient api, long programId, String familyName, String alias) throws Exception {
        long familyId = api.registerFamilyOfOne(programId, familyName);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        return new TestData(database)
                .episode(familyId)
                .lovedOne(alias, "SON_OR_DAUGHTER")
                .openedDaysAgo(20)
                .intakeCompleted()
                .insert();
    }

    /** An accepted offer referred through the API, then left without a step for 30 hours. */
    private void stalledReferral(ApiClient api, String episode, long providerId) throws Exception {
        String today = LocalDate.now(ClinicTime.zone()).toString();
        HttpResponse<String> offered = api.send(
                "carlos",
                "POST",
                "episodes/" + episode + "/events",
                "{\"kind\": \"TREATMENT_OFFERED\", \"on\": \"" + today
                        + "\", \"offeredBy\": \"COUNSELOR\", \"response\": \"ACCEPTED\"}");
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(201);
        long offer = json(offered.body())
                .getJsonArray("events")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        HttpResponse<String> made = api.send(
                "carlos",
                "POST",
                "episodes/" + episode + "/referrals",
                "{\"offerEventId\": " + offer + ", \"providerId\": " + providerId
                        + ", \"levelOfCare\": \"RESIDENTIAL\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        database.update(
                "update referral set started_at = now() - interval '30 hours', last_step_at = now() - interval '30 hours'"
                        + " where id = cast(? as bigint)",
                Long.toString(json(made.body()).getJsonNumber("id").longValue()));
    }
}
