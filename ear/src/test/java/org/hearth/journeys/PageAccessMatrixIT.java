package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The access matrix of the pages, in the browser: each role opens the pages of one family of Carlos's
 * caseload (and the lists and reviews) by address and gets the page, the 403 page, or - a counselor outside
 * the caseload opening the record - the emergency page that asks why, never the family's content.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class PageAccessMatrixIT {

    private static final String PAGE = "page";
    private static final String DENIED = "403";
    private static final String EMERGENCY = "emergency";

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void eachRoleReachesThePagesItMayAndNoOther() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Pages " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.program("Pages other " + suffix);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("sofia", "Sofia Marin", "supervisor,counselor", "Pages other " + suffix);
        data.realmStaff("ada", "Ada Kowalski", "admin");
        ApiClient api = new ApiClient();
        long familyId = api.registerFamilyOfOne(programId, "Pages-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        String f = Long.toString(familyId);
        database.update(
                "insert into intake (family_id, started_by, started_at, updated_by, updated_at) values"
                        + " (cast(? as bigint), 'carlos', now(), 'carlos', now())",
                f);
        database.update(
                "insert into loved_one (family_id, position, alias, relationship) values (cast(? as bigint), 0, 'V.',"
                        + " 'SIBLING')",
                f);
        database.update(
                "insert into engagement_episode (family_id, loved_one_id, status, opened_by, opened_at,"
                        + " next_follow_up_on, last_event_on) select cast(? as bigint), l.id, 'REFUSING', 'carlos',"
                        + " now() - interval '5 days', current_date + 9, current_date - 5 from loved_one l"
                        + " where l.family_id = cast(? as bigint)",
                f,
                f);
        String episode = database.query("select id from engagement_episode where family_id = cast(? as bigint)", f)
                .get(0)
                .get(0);

        //                               frida      carlos     cora       sam        sofia      ada
        Map<String, List<String>> matrix = new LinkedHashMap<>();
        matrix.put("families/record.xhtml?id=" + f, List.of(PAGE, PAGE, EMERGENCY, PAGE, EMERGENCY, DENIED));
        matrix.put("families/intake.xhtml?id=" + f, List.of(DENIED, PAGE, DENIED, PAGE, DENIED, DENIED));
        matrix.put("families/consents.xhtml?id=" + f, List.of(DENIED, PAGE, DENIED, PAGE, DENIED, DENIED));
        matrix.put("episodes/episode.xhtml?id=" + episode, List.of(DENIED, PAGE, DENIED, PAGE, DENIED, DENIED));
        matrix.put("episodes/attention.xhtml", List.of(DENIED, PAGE, PAGE, PAGE, PAGE, DENIED));
        matrix.put("families/emergency.xhtml", List.of(DENIED, PAGE, PAGE, DENIED, PAGE, DENIED));
        matrix.put("reports/emergency.xhtml", List.of(DENIED, DENIED, DENIED, PAGE, PAGE, DENIED));
        matrix.put("audit/index.xhtml", List.of(DENIED, DENIED, DENIED, PAGE, PAGE, PAGE));

        List<String> users = List.of("frida", "carlos", "cora", "sam", "sofia", "ada");
        List<String> wrong = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            String user = users.get(u);
            try (Browser browser = Browser.open()) {
                browser.signIn(user);
                for (Map.Entry<String, List<String>> page : matrix.entrySet()) {
                    browser.open(page.getKey());
                    browser.waitForPage();
                    String got = outcome(browser);
                    String expected = page.getValue().get(u);
                    if (!got.equals(expected)) {
                        wrong.add(user + " " + page.getKey() + ": " + got + ", expected " + expected);
                    }
                    if (!got.equals(PAGE) && browser.driver().getPageSource().contains("Pages-" + suffix)) {
                        wrong.add(user + " " + page.getKey() + ": the family's name shows on a refusal");
                    }
                }
            }
        }
        assertThat(wrong).as("pages answered otherwise than the matrix says").isEmpty();
    }

    private static String outcome(Browser browser) {
        if (!browser.driver().findElements(By.id("access-denied")).isEmpty()) {
            return DENIED;
        }
        if (browser.driver().getCurrentUrl().contains("families/emergency.xhtml")
                && !browser.driver().findElements(By.id("emergency-form")).isEmpty()
                && browser.driver().getPageSource().contains("This family is not on your caseload")) {
            return EMERGENCY;
        }
        return browser.driver().findElements(By.id("page-heading")).isEmpty() ? "nothing" : PAGE;
    }
}
