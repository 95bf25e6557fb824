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

/**
 * The access matrix of the pages, in the browser: each role opens the pages of one family of Carlos's
 * caseload (and the lists and reviews) by address and gets the page, the 403 page, or - a counselor outside
 * the caseload opening the record - the emergency page that asks why, never the family's content.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class PageAccessMatrixIT {

    /** The columns of the matrix, in its order. */
    private static final List<String> USERS =
            List.of("frida", "carlos", "colin", "cleo", "cora", "sam", "sofia", "ada");

    /**
     * The pages each role reaches, for one family of Carlos's caseload in Sam's program: {@code page} (the page
     * itself), {@code 403} (the refusal page, with nothing of the family on it) or {@code emergency} (a
     * counselor outside the caseload is asked for a reason first). The people are those of the API's matrix
     * (AccessMatrixApiIT): Frida front desk; Carlos the family's counselor; Colin covering it this week; Cleo,
     * whose covering dates are over; Cora, another counselor of the program; Sam its supervisor; Sofia, a
     * supervisor of another program who also counsels; Ada the administrator.
     */
    static final String MATRIX =
            """
            # page                              frida     carlos    colin     cleo      cora      sam       sofia     ada
            families/record.xhtml?id={family}   page      page      page      emergency emergency page      emergency 403
            families/intake.xhtml?id={family}   403       page      page      403       403       page      403       403
            families/consents.xhtml?id={family} 403       page      page      403       403       page      403       403
            families/book-session.xhtml?id={family} page  page      page      403       403       403       403       403
            episodes/episode.xhtml?id={episode} 403       page      page      403       403       page      403       403
            episodes/attention.xhtml            403       page      page      page      page      page      page      403
            families/emergency.xhtml            403       page      page      page      page      403       page      403
            families/search.xhtml               page      403       403       403       403       page      page      403
            families/register.xhtml            page      403       403       403       403       page      page      403
            caseload/index.xhtml                403       page      page      page      page      403       page      403
            schedule/today.xhtml                page      403       403       403       403       403       403       403
            calendar/week.xhtml                 page      page      page      page      page      page      page      403
            groups/index.xhtml                  page      page      page      page      page      page      page      403
            # MITI coding without a session: an unknown session, refused as one the caller may not code
            notes/miti.xhtml                    403       403       403       403       403       403       403       403
            reports/overview.xhtml              403       page      page      page      page      page      page      403
            reports/caseloads.xhtml             403       403       403       403       403       page      page      403
            reports/emergency.xhtml             403       403       403       403       403       page      page      403
            audit/index.xhtml                   403       403       403       403       403       page      page      page
            admin/index.xhtml                   403       403       403       403       403       403       403       page
            # issue 24: providers - the directory is read by every role, kept by supervisors and administrators
            providers/index.xhtml               page      page      page      page      page      page      page      page
            providers/provider.xhtml            403       403       403       403       403       page      page      page
            providers/import.xhtml              403       403       403       403       403       page      page      page
            admin/clinic.xhtml                  403       403       403       403       403       403       403       page
            # issue 25, resources - the community-resource directory: read by every role, kept by supervisors and
            # administrators (a new entry's page, without an id, is theirs only)
            community/index.xhtml               page      page      page      page      page      page      page      page
            community/resource.xhtml            403       403       403       403       403       page      page      page
            """;

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
        Keycloak.ensureUser("colin", "Colin", "Reyes", "counselor");
        Keycloak.ensureUser("cleo", "Cleo", "Ward", "counselor");
        data.realmStaff("colin", "Colin Reyes", "counselor", program);
        data.realmStaff("cleo", "Cleo Ward", "counselor", program);
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
        data.covering(familyId, "colin", -3, 4);
        data.covering(familyId, "cleo", -40, -10);
        String episode = new TestData(database)
                .episode(familyId)
                .lovedOne("V.", "SIBLING")
                .insert();

        Map<String, String> ids = Map.of("{family}", f, "{episode}", episode);
        Map<String, List<String>> matrix = new LinkedHashMap<>();
        MATRIX.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            String[] cells = line.trim().split("\\s+");
            String page = cells[0];
            for (Map.Entry<String, String> id : ids.entrySet()) {
                page = page.replace(id.getKey(), id.getValue());
            }
            matrix.put(page, List.of(cells).subList(1, cells.length));
        });
        assertThat(matrix).as("the matrix read from its table").hasSize(25);

        List<String> wrong = new ArrayList<>();
        for (int u = 0; u < USERS.size(); u++) {
            String user = USERS.get(u);
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
