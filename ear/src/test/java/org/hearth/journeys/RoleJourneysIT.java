package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hearth.testing.Browser;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Keycloak;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Each demo role's first minutes in Hearth, in a real browser through the real Keycloak login: where
 * they land, which menu they see, what happens on another role's page, and that signing out is real.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class RoleJourneysIT {

    private static final Map<String, String> MENU_OF_HOME = Map.of(
            "caseload/index.xhtml", "menu-caseload",
            "schedule/today.xhtml", "menu-schedule",
            "reports/overview.xhtml", "menu-overview",
            "admin/index.xhtml", "menu-admin");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aCounselorLandsOnMyCaseloadAndCannotOpenAdministration() {
        journey(
                "carlos",
                "Carlos Rivera",
                "caseload/index.xhtml",
                "My caseload",
                Set.of("menu-caseload"),
                "admin/index.xhtml");
    }

    @Test
    void frontDeskLandsOnTodaysScheduleAndCannotOpenACaseload() {
        journey(
                "frida",
                "Frida Moreno",
                "schedule/today.xhtml",
                "Today's schedule",
                Set.of("menu-schedule"),
                "caseload/index.xhtml");
    }

    @Test
    void aSupervisorLandsOnTheProgramOverviewAndCannotOpenTheSchedule() {
        journey(
                "sam",
                "Sam Okafor",
                "reports/overview.xhtml",
                "Program overview",
                Set.of("menu-overview"),
                "schedule/today.xhtml");
    }

    @Test
    void anAdministratorLandsOnAdministrationAndCannotOpenReports() {
        journey(
                "ada",
                "Ada Kowalski",
                "admin/index.xhtml",
                "Administration",
                Set.of("menu-admin"),
                "reports/overview.xhtml");
    }

    @Test
    void aSupervisorWhoCounselsSeesBothAreasButNotAdministration() {
        journey(
                "sofia",
                "Sofia Marin",
                "reports/overview.xhtml",
                "Program overview",
                Set.of("menu-overview", "menu-caseload"),
                "admin/index.xhtml");
    }

    private void journey(
            String username, String displayName, String home, String heading, Set<String> menu, String forbidden) {
        try (Browser browser = Browser.open()) {
            signIn(browser, username, home);
            assertThat(text(browser, "page-heading")).isEqualTo(heading);
            assertThat(text(browser, "user-name")).contains(displayName);
            for (String item : MENU_OF_HOME.values()) {
                assertThat(browser.driver().findElements(By.id(item)))
                        .as("menu item %s for %s", item, username)
                        .hasSize(menu.contains(item) ? 1 : 0);
            }
            for (String item : menu) {
                String page = MENU_OF_HOME.entrySet().stream()
                        .filter(e -> e.getValue().equals(item))
                        .findFirst()
                        .orElseThrow()
                        .getKey();
                browser.driver().findElement(By.id(item)).click();
                browser.waiting().until(ExpectedConditions.urlToBe(HearthStack.appUrl() + page));
            }

            browser.open(forbidden);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("access-denied")));
            assertThat(browser.driver().getTitle()).doesNotContain(heading);
            assertThat(Sql.testDatabase()
                            .query(
                                    "select outcome from audit_entry where username = ? and action = 'VIEW_PAGE'"
                                            + " and entity_id = ?",
                                    username,
                                    "/" + forbidden))
                    .isEqualTo(List.of(List.of("DENIED")));

            browser.open(home);
            browser.driver().findElement(By.id("signout-link")).click();
            browser.waiting().until(driver -> browser.isOnKeycloakLogin());
            browser.open(home);
            assertThat(browser.isOnKeycloakLogin())
                    .as("after signing out, the application asks for a login again")
                    .isTrue();
            assertThat(Sql.testDatabase()
                            .query(
                                    "select count(*) from audit_entry where username = ? and action = 'SIGN_OUT'",
                                    username))
                    .isEqualTo(List.of(List.of("1")));
        }
    }

    @Test
    void theLanguageSwitchShowsThePageInSpanish() {
        try (Browser browser = Browser.open()) {
            signIn(browser, "cora", "caseload/index.xhtml");

            browser.driver().findElement(By.id("language-es")).click();

            // read through the page's script: the element of the page before the switch may be gone meanwhile
            browser.waiting().until(driver -> "es"
                    .equals(((JavascriptExecutor) driver).executeScript("return document.documentElement.lang;")));
            assertThat(text(browser, "page-heading")).isEqualTo("Mis casos");
            browser.open("caseload/index.xhtml");
            assertThat(text(browser, "page-heading"))
                    .as("the choice holds for the session")
                    .isEqualTo("Mis casos");
        }
    }

    @Test
    void theIdleWarningCountsDownAndStayingSignedInKeepsTheSession() {
        try (Browser browser = Browser.open()) {
            signIn(browser, "cora", "caseload/index.xhtml");

            // 14.5 minutes pass on the page's clock, then p:idleMonitor reports the user idle
            ((JavascriptExecutor) browser.driver())
                    .executeScript("var realNow = Date.now; Date.now = function () { return realNow() + 870000; };"
                            + " Hearth.session.userIsIdle();");

            WebElement dialog =
                    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("idle-dialog")));
            assertThat(dialog.getText()).contains("signed out in 1 minute");
            String shownFirst = text(browser, "idle-time-left");
            browser.waiting().until(driver -> !text(browser, "idle-time-left").equals(shownFirst));
            browser.driver().findElement(By.id("idle-stay")).click();
            browser.waiting().until(ExpectedConditions.invisibilityOf(dialog));
            browser.open("caseload/index.xhtml");
            assertThat(text(browser, "page-heading")).isEqualTo("My caseload");
        }
    }

    @Test
    void anAjaxRequestAfterTheSessionExpiredLeadsToTheLoginPage() {
        try (Browser browser = Browser.open()) {
            signIn(browser, "carlos", "caseload/index.xhtml");

            expireBothSessions(browser);
            browser.driver().findElement(By.id("language-es")).click();

            browser.waiting().until(driver -> browser.isOnKeycloakLogin());
        }
    }

    /**
     * What 15 idle minutes do: the application's session and Keycloak's single sign-on session are both
     * gone. The page stays on screen, as it would on an unattended desk.
     */
    private static void expireBothSessions(Browser browser) {
        String page = browser.driver().getCurrentUrl();
        browser.driver().get(HearthStack.realmUrl() + "/.well-known/openid-configuration");
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(page);
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        for (Cookie cookie : browser.driver().manage().getCookies()) {
            assertThat(cookie.getName()).isNotEqualTo("JSESSIONID");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndNoSessionFromBeforeSignInSurvivesIt() {
        try (Browser browser = Browser.open()) {
            browser.open("caseload/index.xhtml");
            browser.waiting().until(driver -> browser.isOnKeycloakLogin());
            Map<String, Object> before = sessionCookie(browser);
            browser.signInOnKeycloak("cora", Keycloak.DEMO_PASSWORD);
            browser.waiting().until(ExpectedConditions.urlToBe(HearthStack.appUrl() + "caseload/index.xhtml"));
            Map<String, Object> after = sessionCookie(browser);

            assertThat(before)
                    .as("no session exists before sign-in (the OIDC state is a cookie of its own): none can be fixed"
                            + " in advance and carried through")
                    .isNull();
            assertThat(after).as("the session starts at sign-in").isNotNull();
            assertThat(after.get("httpOnly")).isEqualTo(true);
            assertThat(after.get("sameSite")).isEqualTo("Lax");
            assertThat(browser.driver().getCurrentUrl()).doesNotContainIgnoringCase("jsessionid");

            browser.open("signout");
            browser.open("caseload/index.xhtml");
            assertThat(browser.isOnKeycloakLogin())
                    .as("a link to the sign-out address (a GET, as another site could plant) signs nobody out")
                    .isFalse();
            assertThat(text(browser, "page-heading")).isEqualTo("My caseload");
        }
    }

    @Test
    void theProgramOverviewNarrowsToOneCounselorAndACounselorSeesOnlyTheirOwnFigures() {
        String program = "Overview " + UUID.randomUUID().toString().substring(0, 8);
        TestData data = new TestData(Sql.testDatabase());
        long programId = data.program(program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        try (Browser browser = Browser.open()) {
            signIn(browser, "sam", "reports/overview.xhtml");
            assertThat(browser.text("caseloads")).contains("Carlos Rivera").contains("Cora Jensen");
            assertThat(browser.text("episodes-opened")).isNotBlank();
            assertThat(browser.text("path-heading")).isEqualTo("From yes to treatment");
            // Sam's other programs hold the other tests' referrals: the new program alone has none
            browser.open("reports/overview.xhtml?program=" + programId);
            assertThat(browser.text("report-scope")).contains(program);
            assertThat(browser.text("referrals-made"))
                    .as("no referral in a new program")
                    .isEqualTo("0");
            assertThat(browser.text("median-on-curve"))
                    .as("no curve to read a median off")
                    .isEqualTo("-");
            assertThat(browser.driver().findElements(By.id("counted-up-to")))
                    .as("the default range ends today: nothing to say about where counting stopped")
                    .isEmpty();
            browser.choose("filter-form:counselor", "Cora Jensen");
            browser.click("filter-form:apply");
            assertThat(browser.text("report-scope")).contains("Cora Jensen");
            assertThat(browser.text("caseloads")).contains("Cora Jensen").doesNotContain("Carlos Rivera");
            browser.click("episodes-opened");
            assertThat(browser.text("list-what"))
                    .as("the figure opens the list behind it, in the same scope")
                    .startsWith("Loved ones' episodes opened");
            browser.click("list-form:back");
            assertThat(browser.text("report-scope"))
                    .as("and comes back to the overview as it was")
                    .contains("Cora Jensen");

            LocalDate today = LocalDate.now(ClinicTime.zone());
            browser.open("reports/overview.xhtml?from=" + today.minusMonths(1) + "&to=" + today.plusMonths(1));
            assertThat(browser.text("outcomes-heading"))
                    .as("a range that ends after today says where counting stopped")
                    .isEqualTo("Outcomes · counted up to "
                            + DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
                                    .format(today));
            browser.assertAccessible();
        }
        try (Browser browser = Browser.open()) {
            signIn(browser, "carlos", "caseload/index.xhtml");
            browser.click("menu-my-figures");
            assertThat(browser.text("report-scope")).startsWith("My caseload");
            assertThat(browser.driver().findElements(By.id("filter-form:program")))
                    .as("no choice of program for a counselor")
                    .isEmpty();
            assertThat(browser.text("caseloads")).contains("Carlos Rivera").doesNotContain("Cora Jensen");
        }
    }

    @Test
    void aScriptSlippedIntoAPageDoesNotRunWhilePrimeFacesOwnDo() {
        try (Browser browser = Browser.open()) {
            signIn(browser, "cora", "caseload/index.xhtml");
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            Object stamped = page.executeScript("return Array.from(document.scripts).filter(s => !s.src)"
                    + ".every(s => s.nonce && s.nonce.length > 20)");
            assertThat(stamped)
                    .as("every inline script of the page carries the page's nonce")
                    .isEqualTo(true);

            // what a stored script that escaped the escaping would do: an inline script and an inline handler
            page.executeScript("var s = document.createElement('script'); s.textContent = 'window.slipped = 1;';"
                    + " document.body.appendChild(s);"
                    + " var i = document.createElement('img'); i.setAttribute('onerror', 'window.slipped = 2;');"
                    + " i.src = 'data:,'; document.body.appendChild(i);");
            List<String> refused = new ArrayList<>();
            browser.waiting().until(driver -> refused.addAll(browser.policyViolations()) && refused.size() >= 2);
            assertThat(page.executeScript("return window.slipped === undefined"))
                    .as("neither the script nor the handler ran")
                    .isEqualTo(true);
            assertThat(refused)
                    .as("the browser says why")
                    .anySatisfy(message -> assertThat(message).containsIgnoringCase("inline script"))
                    .anySatisfy(message -> assertThat(message).containsIgnoringCase("event handler"));

            // PrimeFaces' own scripts (stamped) still work: the menu's widgets answer
            assertThat(page.executeScript("return !!(window.PrimeFaces && PrimeFaces.widgets"
                            + " && Object.keys(PrimeFaces.widgets).length > 0)"))
                    .isEqualTo(true);
        }
    }

    @Test
    void anAjaxRequestWithoutThePagesNonceIsRefusedAndAuditedNotAServerError() {
        try (Browser browser = Browser.open()) {
            signIn(browser, "frida", "schedule/today.xhtml");
            browser.open("families/search.xhtml");
            browser.waitForPage();
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            // the search as PrimeFaces sends it, but from a script of elsewhere: the view state, no nonce
            Object status = page.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + " var body = new URLSearchParams({'jakarta.faces.partial.ajax': 'true',"
                    + " 'jakarta.faces.source': 'search-form:search', 'jakarta.faces.partial.execute': 'search-form',"
                    + " 'jakarta.faces.partial.render': 'search-form', 'search-form:search': 'search-form:search',"
                    + " 'search-form': 'search-form', 'search-form:text': 'Garcia', 'jakarta.faces.ViewState':"
                    + " document.querySelector(\"input[name='jakarta.faces.ViewState']\").value});"
                    + " fetch('search.xhtml', {method: 'POST', headers: {'Faces-Request': 'partial/ajax',"
                    + " 'Content-Type': 'application/x-www-form-urlencoded'}, body: body})"
                    + ".then(r => done(r.status)).catch(e => done('' + e));");
            assertThat(status)
                    .as("refused as not sent by the page, not a server error")
                    .isEqualTo(403L);
        }
        assertThat(Sql.testDatabase()
                        .query("select count(*) from audit_entry where username = 'frida' and outcome = 'DENIED'"
                                + " and reason like '%without the page''s script nonce%'"))
                .isEqualTo(List.of(List.of("1")));
    }

    /** The application's session cookie as the browser keeps it (all cookies, whatever page is open). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sessionCookie(Browser browser) {
        Map<String, Object> all = browser.chrome().executeCdpCommand("Network.getAllCookies", Map.of());
        return ((List<Map<String, Object>>) all.get("cookies"))
                .stream()
                        .filter(c -> "JSESSIONID".equals(c.get("name")) && "/hearth".equals(c.get("path")))
                        .findFirst()
                        .orElse(null);
    }

    /** Opens Hearth, signs in on the Keycloak page and waits until the user's home page is shown. */
    private static void signIn(Browser browser, String username, String home) {
        browser.open("");
        browser.signInOnKeycloak(username, Keycloak.DEMO_PASSWORD);
        browser.waiting().until(ExpectedConditions.urlToBe(HearthStack.appUrl() + home));
    }

    private static String text(Browser browser, String id) {
        WebElement element = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        return element.getText().trim();
    }
}
