package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A family's first days in Hearth, in a real browser as each role: the front desk registers it, the
 * supervisor assigns a counselor, the counselor finds it on "My caseload", completes the intake step by
 * step and sees the safety flag; another counselor cannot open it by its address.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class FamilyJourneysIT {

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aFamilyIsRegisteredAssignedAssessedAndFlaggedAndStaysClosedToOtherCounselors() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Journey program " + suffix;
        String familyName = "Journey-" + suffix;
        TestData data = new TestData(database);
        data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);

        String record = frontDeskRegisters(program, familyName);
        long familyId = Long.parseLong(record.replaceAll(".*[?&]id=(\\d+).*", "$1"));
        supervisorAssignsCarlos(record);
        counselorCompletesTheIntakeFromMyCaseload(familyName);

        assertThat(database.query("select status from family where id = cast(? as bigint)", String.valueOf(familyId)))
                .isEqualTo(List.of(List.of("ACTIVE")));
        assertThat(database.query(
                        "select status from engagement_episode where family_id = cast(? as bigint)",
                        String.valueOf(familyId)))
                .as("one episode for the loved one not in treatment")
                .isEqualTo(List.of(List.of("REFUSING")));

        anotherCounselorIsRefusedTheRecordByAddress(record);
    }

    @Test
    void theFrontDeskBooksASessionIsToldOfAClashByNameAndChecksAFamilyIn() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Booking program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        database.update("insert into room (name, capacity) values (?, 6)", "Blue room " + suffix);
        long first = familyOfCarlos(programId, "Booked-" + suffix);
        long second = familyOfCarlos(programId, "Clashing-" + suffix);
        LocalDate tuesday =
                LocalDate.now(ClinicTime.zone()).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));

        try (Browser browser = Browser.open()) {
            browser.signIn("frida");
            book(browser, first, tuesday, "Blue room " + suffix);
            assertThat(browser.messages())
                    .contains("Booked: the Booked-" + suffix + " family on " + tuesday + " at 10:00.");
            browser.click(By.xpath("//*[@id='tabs']//a[normalize-space()='Schedule']"));
            assertThat(browser.text("tabs:sessions"))
                    .contains("Family therapy")
                    .contains("Carlos Rivera")
                    .contains("Scheduled");

            book(browser, second, tuesday, "Blue room " + suffix);
            assertThat(browser.messages())
                    .contains("Someone is already booked then")
                    .contains("Carlos Rivera already has a session on " + tuesday + " from 10:00 to 11:00.")
                    .contains("Blue room " + suffix + " is booked on " + tuesday + " from 10:00 to 11:00.");
            assertThat(browser.driver().getCurrentUrl())
                    .as("still on the booking form")
                    .contains("book-session.xhtml");

            database.update(
                    "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                            + " booked_by, booked_at) select cast(? as bigint), 'CRAFT_SESSION', s.id, true,"
                            + " now() - interval '5 minutes', now() + interval '45 minutes', 'SCHEDULED', 'frida', now()"
                            + " from staff_member s where s.username = 'carlos'",
                    Long.toString(second));
            browser.click("menu-schedule");
            String row = "//tr[td[contains(normalize-space(), 'Clashing-" + suffix + "')]]";
            browser.click(By.xpath(row + "//button[normalize-space()='Check in']"));
            assertThat(browser.messages()).contains("The Clashing-" + suffix + " family is checked in");
            assertThat(browser.driver().findElement(By.xpath(row)).getText()).contains("Checked in");
        }
    }

    @Test
    void theFrontDeskDefinesAWeeklyGroupFillsItToTheWaitlistTakesAttendanceAndTheFacilitatorSeesItOnHisWeek()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Group program " + suffix;
        String groupName = "Tuesday CRAFT " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        database.update("insert into room (name, capacity) values (?, 12)", "Circle room " + suffix);
        List<Long> families = List.of(
                familyOfCarlos(programId, "Ada-" + suffix),
                familyOfCarlos(programId, "Bo-" + suffix),
                familyOfCarlos(programId, "Cy-" + suffix));
        LocalDate tuesday =
                LocalDate.now(ClinicTime.zone()).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));

        try (Browser browser = Browser.open()) {
            browser.signIn("frida");
            browser.click("menu-groups");
            browser.click("define-group");
            browser.type("define-form:name", groupName);
            browser.choose("define-form:program", program);
            browser.choose("define-form:room", "Circle room " + suffix);
            browser.type("define-form:capacity", "2");
            browser.pick("define-form:facilitators", "Carlos Rivera");
            browser.type("define-form:firstDate_input", tuesday.toString());
            browser.type("define-form:count", "4");
            browser.click("define-form:define");
            assertThat(browser.messages()).contains("The group " + groupName + " is defined: 4 sessions, 0 skipped.");
            String groupPage = browser.driver().getCurrentUrl();

            String[] names = {"Ada", "Bo", "Cy"};
            for (int i = 0; i < 3; i++) {
                browser.open("families/record.xhtml?id=" + families.get(i));
                browser.waitForPage();
                browser.click(By.xpath("//*[@id='tabs']//a[normalize-space()='Schedule']"));
                browser.choose("tabs:enroll-form:group", groupName + " (" + Math.min(i, 2) + "/2)");
                browser.choose("tabs:enroll-form:member", "Rosa " + names[i] + "-" + suffix);
                browser.click("tabs:enroll-form:enroll");
            }
            assertThat(browser.messages())
                    .contains("The group is full: Rosa Cy-" + suffix + " is on the waitlist, number 3.");

            database.update(
                    "update group_session set starts_at = now() - interval '10 minutes',"
                            + " ends_at = now() + interval '80 minutes' where id = (select min(s.id) from group_session s"
                            + " join support_group g on g.id = s.group_id where g.name = ?)",
                    groupName);
            browser.click("menu-schedule");
            assertThat(browser.text("today-form:group-sessions"))
                    .as("today's meeting is on Today's schedule")
                    .contains(groupName)
                    .contains("Circle room " + suffix);
            browser.driver().get(groupPage);
            browser.waitForPage();
            assertThat(browser.text("seats")).startsWith("2 / 2").contains("1");
            browser.click("sessions-form:sessions:0:roster");
            browser.click(By.xpath("//tr[th[contains(normalize-space(), 'Rosa Ada-" + suffix
                    + "')]]//label[normalize-space()='Present']"));
            browser.click(By.xpath("//tr[th[contains(normalize-space(), 'Rosa Bo-" + suffix
                    + "')]]//label[normalize-space()='Late']"));
            browser.click("roster-form:save-roster");
            assertThat(browser.messages()).contains("The attendance is saved.");

            browser.driver().get(groupPage);
            browser.waitForPage();
            browser.click("sessions-form:sessions:1:change-session");
            browser.choose("change-form:move-time", "16:00");
            browser.click("change-form:move");
            assertThat(browser.messages())
                    .contains("The meeting of " + tuesday.plusWeeks(1) + " is now on " + tuesday.plusWeeks(1)
                            + " 16:00 in Circle room " + suffix + "; the others stay as they are.");

            browser.open("families/record.xhtml?id=" + families.get(1));
            browser.waitForPage();
            browser.click(By.xpath("//*[@id='tabs']//a[normalize-space()='Schedule']"));
            assertThat(browser.text("tabs:group-attendance"))
                    .contains(groupName)
                    .contains("Rosa Bo-" + suffix)
                    .contains("Late")
                    .doesNotContain("Ada-" + suffix);
            assertThat(browser.text("tabs:group-places")).contains(groupName).contains("Enrolled");
            assertThat(browser.text("tabs:group-meetings"))
                    .as("the meetings ahead, the moved one at its new time")
                    .contains(inTable(tuesday.plusWeeks(1)) + " 16:00")
                    .contains(inTable(tuesday.plusWeeks(2)) + " 18:00")
                    .contains("Rosa Bo-" + suffix);
        }
        String firstMeeting = database.query(
                        "select min(s.id) from group_session s join support_group g on g.id = s.group_id where g.name = ?",
                        groupName)
                .get(0)
                .get(0);
        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.open("groups/roster.xhtml?session=" + firstMeeting);
            browser.click("roster-form:write-group-note");
            browser.driver()
                    .findElement(By.cssSelector("[id='group-note-form:body'] .ql-editor"))
                    .sendKeys("Rosa Ada-" + suffix + " and Rosa Bo-" + suffix + " practised positive requests.");
            browser.type("group-note-form:sections:0:section", "Ada set a boundary about money.");
            browser.type("group-note-form:sections:1:section", "Bo came late and joined the role play.");
            browser.click("group-note-form:sign");
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            assertThat(browser.messages()).contains("The note is signed.");

            browser.open("families/record.xhtml?id=" + families.get(1));
            browser.waitForPage();
            browser.click(By.xpath("//*[@id='tabs']//a[normalize-space()='Notes']"));
            assertThat(browser.text("tabs:group-notes"))
                    .as("Bo's family reads its own section, and not Ada's name or section")
                    .contains("[another participant] and Rosa Bo-" + suffix + " practised positive requests.")
                    .contains("Bo came late and joined the role play.")
                    .doesNotContain("Ada");
        }
        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.open("calendar/week.xhtml?date=" + tuesday.plusWeeks(1));
            browser.waitForPage();
            assertThat(browser.waiting()
                            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".session-group")))
                            .getText())
                    .as("his week shows the group he facilitates")
                    .contains(groupName)
                    .contains("Carlos Rivera");
        }
    }

    @Test
    void theAdministratorClosesTheClinicOnADayAndOpensItAgain() {
        LocalDate day = LocalDate.now(ClinicTime.zone())
                .plusWeeks(100 + Math.abs(UUID.randomUUID().hashCode() % 300))
                .with(TemporalAdjusters.next(DayOfWeek.THURSDAY));
        new TestData(database).realmStaff("ada", "Ada Kowalski", "admin");
        try (Browser browser = Browser.open()) {
            browser.signIn("ada");
            browser.click("menu-clinic");
            assertThat(browser.text("hours-form:hours"))
                    .as("the week's opening hours")
                    .contains("Monday")
                    .contains("Sunday");
            browser.type("closure-form:closure-date_input", day.toString());
            browser.click("closure-form:add-closure");
            assertThat(browser.text("closure-form"))
                    .as("the missing reason is said at its field")
                    .contains("Give the reason the clinic is closed");
            browser.type("closure-form:closure-reason", "Staff training day");
            browser.click("closure-form:add-closure");
            assertThat(browser.messages())
                    .contains("The clinic is closed on " + day
                            + "; no new sessions or group meetings can be booked that day.");
            assertThat(browser.text("closures-form:closures"))
                    .contains(day.toString())
                    .contains("Staff training day");
            assertThat(database.query(
                            "select reason from clinic_closure where closed_on = cast(? as date)", day.toString()))
                    .isEqualTo(List.of(List.of("Staff training day")));
            browser.click(By.xpath("//tr[td[normalize-space()='" + day + "']]//button[contains(@id, 'remove')]"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            assertThat(browser.messages()).contains("The clinic is open again on " + day + ".");
            assertThat(database.query(
                            "select count(*) from clinic_closure where closed_on = cast(? as date)", day.toString()))
                    .isEqualTo(List.of(List.of("0")));
        }
    }

    @Test
    void theCounselorWritesAndSignsANoteTheSupervisorCoSignsAndCodesItAndTheFrontDeskCannotReadIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Notes program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        long familyId = familyOfCarlos(programId, "Notes-" + suffix);
        database.update(
                "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                        + " booked_by, booked_at) select cast(? as bigint), 'CRAFT_SESSION', s.id, true,"
                        + " now() - interval '3 hours', now() - interval '2 hours', 'COMPLETED', 'frida', now()"
                        + " from staff_member s where s.username = 'carlos'",
                Long.toString(familyId));
        String session = database.query(
                        "select max(id) from appointment where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0);
        database.update(
                "insert into appointment_member select cast(? as bigint), m.id from family_member m"
                        + " where m.family_id = cast(? as bigint)",
                session,
                Long.toString(familyId));

        String noteAddress;
        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            assertThat(browser.text("notes-due-form:notes-due")).contains("Notes-" + suffix);
            // the address that makes a draft, as a link on another site would give it: without Hearth's token
            browser.open("notes/open.xhtml?session=" + session);
            assertThat(browser.driver().findElements(By.id("access-denied")))
                    .as("a planted link to a page that writes is refused")
                    .isNotEmpty();
            assertThat(database.query(
                            "select count(*) from session_note where appointment_id = cast(? as bigint)", session))
                    .as("and makes no draft")
                    .isEqualTo(List.of(List.of("0")));
            assertThat(database.query("select count(*) from audit_entry where username = 'carlos' and outcome ="
                            + " 'DENIED' and entity_id = '/notes/open.xhtml'"))
                    .as("the refusal is audited")
                    .isNotEqualTo(List.of(List.of("0")));
            browser.open("caseload/index.xhtml");
            browser.click(By.xpath(
                    "//tr[td[contains(normalize-space(), 'Notes-" + suffix + "')]]//*[contains(@id, ':write')]"));
            writeInEditor(browser, "note-form:data", "Rosa reports a calm week.");
            writeInEditor(browser, "note-form:assessment", "Rosa is preparing to stop paying the rent.");
            browser.type("note-form:target", "Rosa stops paying her son's rent");
            browser.click("note-form:add-talk");
            browser.choose("note-form:change-talk:0:category", "Commitment");
            browser.type("note-form:change-talk:0:quote", "I will tell him on Sunday");
            browser.click("note-form:sign");
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            assertThat(browser.messages())
                    .as("signing needs the Plan")
                    .contains("Write the Plan section before signing.");
            writeInEditor(browser, "note-form:plan", "Rehearse the invitation next week.");
            browser.click("note-form:sign");
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            assertThat(browser.messages()).contains("The note is signed.");
            assertThat(browser.text("read-plan")).isEqualTo("Rehearse the invitation next week.");
            assertThat(browser.text("read-change-talk")).contains("Commitment").contains("I will tell him on Sunday");
            browser.type("addendum-form:addendum", "Rosa called: her son agreed to an assessment.");
            browser.click("addendum-form:add-addendum");
            assertThat(browser.messages()).contains("The addendum is added.");
            assertThat(browser.text("addenda")).contains("Rosa called: her son agreed to an assessment.");
            noteAddress = browser.driver().getCurrentUrl();
        }
        String noteId = database.query("select id from session_note where appointment_id = cast(? as bigint)", session)
                .get(0)
                .get(0);
        assertThat(database.query("select status, plan_text from session_note where id = cast(? as bigint)", noteId))
                .isEqualTo(List.of(List.of("SIGNED", "<p>Rehearse the invitation next week.</p>")));

        try (Browser browser = Browser.open()) {
            browser.signIn("sam");
            browser.open("notes/note.xhtml?id=" + noteId);
            browser.waitForPage();
            browser.click("review-form:cosign");
            assertThat(browser.messages()).contains("The note is co-signed.");
            browser.click("code-miti");
            browser.type("miti-form:questions_input", "20");
            browser.type("miti-form:simple_input", "10");
            browser.type("miti-form:complex_input", "12");
            browser.type("miti-form:affirm_input", "3");
            for (String[] global :
                    new String[][] {{"cct", "4"}, {"sst", "3"}, {"partnership", "4"}, {"empathy", "5"}}) {
                browser.click(By.xpath("//*[@id='miti-form:" + global[0]
                        + "']//div[contains(@class, 'ui-button')][normalize-space()='" + global[1] + "']"));
            }
            browser.click("miti-form:save-miti");
            assertThat(browser.messages()).contains("The review is saved.");
            String summary = browser.text("reviews");
            assertThat(summary)
                    .as("technical (4+3)/2 = 3.5 fair; relational (4+5)/2 = 4.5 good; R:Q 22/20 fair; %CR 12/22 good")
                    .contains("Technical (mean of CCT and SST) 3.5 Fair")
                    .contains("Relational (mean of partnership and empathy) 4.5 Good")
                    .contains("Reflection-to-question ratio (R:Q) 1.10 Fair")
                    .contains("Percent complex reflections (%CR) 55% Good");
            browser.open("notes/practice.xhtml?counselor=carlos");
            browser.waitForPage();
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .as("Carlos's MI practice lists the review")
                    .contains("3.5")
                    .contains("Sam Okafor");
        }

        try (Browser browser = Browser.open()) {
            browser.signIn("frida");
            browser.driver().get(noteAddress);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("access-denied")));
            assertThat(browser.driver().getPageSource())
                    .doesNotContain("Rehearse the invitation")
                    .doesNotContain("Notes-" + suffix);
        }
    }

    @Test
    void theCounselorFollowsALovedOneFromRefusalsAndAnOverdoseToTreatmentAndTheTimelineShowsItInOrder()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Episodes program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        long familyId = familyOfCarlos(programId, "Episode-" + suffix);
        String f = Long.toString(familyId);
        new TestData(database)
                .episode(Long.parseLong(f))
                .lovedOne("Danny", "SON_OR_DAUGHTER")
                .openedDaysAgo(20)
                .followUpInDays(-6)
                .intakeCompleted()
                .insert();

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            assertThat(browser.text("attention-form:attention"))
                    .as("My caseload lists the overdue follow-up")
                    .contains("Danny")
                    .contains("follow-up due since");
            browser.click("attention-form:attention-all");
            browser.waitForPage();
            assertThat(browser.text("attention-page:attention-list"))
                    .as("the whole list, sortable")
                    .contains("Danny")
                    .contains("overdue")
                    .as("20 days since the last event: not yet quiet")
                    .doesNotContain("30+ days");
            browser.click(By.xpath("//*[@id='attention-page:attention-list']//th[contains(., 'Loved one')]"));
            browser.waiting().until(d -> d.findElement(
                            By.xpath("//*[@id='attention-page:attention-list']//th[contains(., 'Loved one')]"))
                    .getAttribute("aria-sort")
                    .equals("ascending"));
            assertThat(browser.text("attention-page:attention-list")).contains("Danny");
            browser.open("families/record.xhtml?id=" + familyId);
            browser.waitForPage();
            browser.click(By.xpath("//*[@id='tabs']//a[normalize-space()='Engagement']"));
            assertThat(browser.text("tabs:episodes"))
                    .contains("Danny")
                    .contains("Refusing treatment")
                    .contains("overdue");
            browser.click(By.xpath("//*[@id='tabs:episodes']//*[contains(@id, 'open-episode')]"));

            for (String reason : List.of("Fear of withdrawal", "Stigma or shame")) {
                browser.choose("event-form:offered-by", "Family invitation");
                browser.click(
                        By.xpath(
                                "//*[@id='event-form:response']//div[contains(@class, 'ui-button')][normalize-space()='Refused']"));
                browser.pick("event-form:reasons", reason);
                browser.click("event-form:record");
                assertThat(browser.messages()).contains("The event is recorded.");
            }
            browser.choose("event-form:kind", "Harm reduction");
            browser.choose("event-form:harm", "Naloxone kit given");
            browser.choose("event-form:member", "Rosa Episode-" + suffix);
            browser.click("event-form:record");
            browser.choose("event-form:kind", "Stage of change observed");
            browser.choose("event-form:stage", "Contemplation (thinking about it)");
            browser.click("event-form:record");
            assertThat(browser.driver().findElements(By.cssSelector("[id='stage-chart'] canvas")))
                    .as("the stage of change chart is drawn")
                    .hasSize(1);
            browser.choose("event-form:kind", "Critical event");
            browser.choose("event-form:critical", "Non-fatal overdose");
            browser.click("event-form:record");
            assertThat(browser.text("high-risk")).contains("High overdose risk.");

            browser.choose("event-form:kind", "Status change");
            browser.choose("event-form:to-status", "Entered treatment");
            browser.click("event-form:record");
            assertThat(browser.messages())
                    .as("entering treatment needs its level of care")
                    .contains("Give the level of care the loved one entered.");
            browser.choose("event-form:level", "Outpatient");
            browser.click("event-form:record");
            assertThat(browser.text("episode-status")).contains("Entered treatment");
            assertThat(browser.text("days-to-treatment")).isEqualTo("20 days");
            assertThat(browser.text("retention-checks"))
                    .contains("Retained 30 days "
                            + inTable(LocalDate.now(ClinicTime.zone()).plusDays(30)) + " ahead")
                    .contains("Retained 90 days "
                            + inTable(LocalDate.now(ClinicTime.zone()).plusDays(90)) + " ahead");

            browser.choose("event-form:kind", "Status change");
            browser.choose("event-form:to-status", "Retained 30 days");
            browser.click("event-form:record");
            assertThat(browser.text("episode-status")).contains("Retained 30 days");

            String timeline = browser.text("timeline-form:timeline");
            assertThat(timeline.indexOf("Retained 30 days"))
                    .as("newest first")
                    .isLessThan(timeline.indexOf("Non-fatal overdose"));
            assertThat(timeline.indexOf("Non-fatal overdose")).isLessThan(timeline.indexOf("Naloxone kit given"));
            assertThat(timeline).as("the kit's member named").contains("Naloxone kit given · Rosa Episode-" + suffix);
            assertThat(timeline.indexOf("Naloxone kit given")).isLessThan(timeline.indexOf("Stigma or shame"));
            assertThat(timeline.indexOf("Stigma or shame")).isLessThan(timeline.indexOf("Fear of withdrawal"));
        }
        assertThat(database.query(
                        "select count(*) from episode_event e join engagement_episode p on p.id = e.episode_id"
                                + " where p.family_id = cast(? as bigint)",
                        f))
                .isEqualTo(List.of(List.of("7")));
    }

    @Test
    void aCounselorBreaksTheGlassTheSupervisorReviewsItAndTheAdministratorChecksTheAudit() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Emergency program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("cora", "Cora Jensen", "counselor", program);
        ApiClient api = new ApiClient();
        long familyId = api.registerFamilyOfOne(programId, "Glass-" + suffix);
        assertThat(api.send("sam", "PUT", "families/" + familyId + "/assignment", "{\"counselorUsername\": \"cora\"}")
                        .statusCode())
                .isEqualTo(200);

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.open("families/record.xhtml?id=" + familyId);
            browser.waitForPage();
            assertThat(browser.driver().getCurrentUrl())
                    .as("not on Carlos's caseload: the emergency page, not the record")
                    .contains("families/emergency.xhtml");
            browser.type("emergency-form:reason", "short");
            browser.click("emergency-form:open");
            assertThat(browser.text("emergency-form")).contains("Say why in 10 to 1000 characters.");
            browser.type("emergency-form:reason", "Rosa called in crisis; Cora is on leave today");
            browser.click("emergency-form:open");
            assertThat(browser.text("emergency-banner")).contains("You opened this family in an emergency: read only");
            assertThat(browser.text("case-number")).startsWith("F-");
        }
        try (Browser browser = Browser.open()) {
            browser.signIn("sam");
            browser.click("menu-emergency-review");
            browser.waitForPage();
            assertThat(browser.text("review-form:waiting"))
                    .contains("Carlos Rivera")
                    .contains("Glass-" + suffix)
                    .contains("Rosa called in crisis; Cora is on leave today");
            browser.click("menu-audit");
            browser.waitForPage();
            browser.type("audit-form:family_input", Long.toString(familyId));
            browser.click("audit-form:apply");
            browser.waiting()
                    .until(d ->
                            d.findElement(By.id("audit-form:entries")).getText().contains("BREAK_THE_GLASS"));
            assertThat(browser.text("audit-form:entries"))
                    .contains("carlos")
                    .contains("emergency access: Rosa called in crisis")
                    .contains("[emergency access");
            browser.open("reports/emergency.xhtml");
            browser.waitForPage();
            browser.type(By.xpath("//*[@id='review-form:waiting']//input"), "Checked with Cora");
            browser.click(By.xpath("//*[@id='review-form:waiting']//button[contains(@id, 'reviewed')]"));
            browser.waiting().until(d -> d.findElement(By.id("review-form:waiting"))
                    .getText()
                    .contains("No emergency access"));
        }
        try (Browser browser = Browser.open()) {
            browser.signIn("ada");
            browser.click("menu-audit");
            browser.waitForPage();
            browser.click("verify-form:verify");
            assertThat(browser.text("chain-result")).startsWith("Intact: no entry was changed or deleted.");
        }
        assertThat(database.query(
                        "select reviewed_by, review_note from emergency_access where family_id = cast(? as bigint)",
                        Long.toString(familyId)))
                .isEqualTo(List.of(List.of("sam", "Checked with Cora")));
    }

    @Test
    void theCounselorRecordsAConsentExportsTheRecordUnderItAndSeesTheAccountingThenRevokesIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Consent program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        long familyId = familyOfCarlos(programId, "Consent-" + suffix);

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.open("families/record.xhtml?id=" + familyId);
            browser.waitForPage();
            browser.click(By.xpath("//*[@id='tabs']//a[normalize-space()='Consents']"));
            assertThat(browser.text("tabs:active-consents")).contains("No consent is in force today");
            browser.click("tabs:open-consents");
            browser.waitForPage();

            browser.choose("consent-form:memberId", "Rosa Consent-" + suffix);
            browser.choose("consent-form:scope", "Summary (attendance, time in program, readiness)");
            browser.type("consent-form:recipientName", "Dr. Ana Lima");
            browser.type("consent-form:recipientOrganisation", "Riverside Treatment Center");
            browser.click("consent-form:record");
            assertThat(browser.text("consent-form"))
                    .as("the purpose is missing")
                    .contains("Say what the disclosure is for.");
            browser.type("consent-form:purpose", "Coordinate care for Rosa");
            browser.click("consent-form:record");
            assertThat(browser.messages()).contains("The consent is recorded.");
            assertThat(browser.text("consents-form:consents"))
                    .contains("Dr. Ana Lima")
                    .contains("Riverside Treatment Center")
                    .contains("in force");

            browser.click(By.xpath("//*[@id='consents-form:consents']//input[contains(@id, 'export-pdf')]"));
            browser.waiting().until(d -> !database.query(
                            "select 1 from disclosure where family_id = cast(? as bigint)", Long.toString(familyId))
                    .isEmpty());
            browser.open("families/consents.xhtml?id=" + familyId);
            browser.waitForPage();
            browser.choose("accounting-form:accounting-member", "Rosa Consent-" + suffix);
            browser.waiting().until(d -> d.findElement(By.id("accounting-form:ledger"))
                    .getText()
                    .contains("Dr. Ana Lima"));
            assertThat(browser.text("accounting-form:ledger"))
                    .contains("carlos")
                    .contains("(PDF)");

            browser.click(By.xpath("//*[@id='consents-form:consents']//button[contains(@id, 'revoke')]"));
            browser.click("revoke-form:confirm-revoke");
            browser.waiting().until(d -> d.findElement(By.id("consents-form:consents"))
                    .getText()
                    .contains("revoked on"));
        }
        assertThat(database.query(
                        "select scope, format, disclosed_by from disclosure where family_id = cast(? as bigint)",
                        Long.toString(familyId)))
                .isEqualTo(List.of(List.of("SUMMARY", "PDF", "carlos")));
    }

    @Test
    void scriptTypedIntoTextFieldsIsShownAsTextAndNeverRuns() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Escape program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        String family = "Esc<img src=x onerror=window.pwned=1>" + suffix;
        long familyId = familyOfCarlos(programId, family);
        String f = Long.toString(familyId);
        String episode = new TestData(database)
                .episode(Long.parseLong(f))
                .lovedOne("<script>window.pwned=2</script>", "SON_OR_DAUGHTER")
                .openedDaysAgo(3)
                .followUpInDays(11)
                .intakeCompleted()
                .insert();
        String member = database.query("select id from family_member where family_id = cast(? as bigint)", f)
                .get(0)
                .get(0);
        ApiClient api = new ApiClient();
        LocalDate today = LocalDate.now(ClinicTime.zone());
        assertThat(api.send(
                                "carlos",
                                "POST",
                                "episodes/" + episode + "/events",
                                "{\"kind\": \"STAGE_OBSERVED\", \"on\": \"" + today
                                        + "\", \"stage\": \"CONTEMPLATION\","
                                        + " \"note\": \"<svg onload=window.pwned=3>\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.send(
                                "carlos",
                                "POST",
                                "consents?family=" + f,
                                "{\"memberId\": " + member
                                        + ", \"recipientName\": \"<b onmouseover=window.pwned=4>Dr</b>\","
                                        + " \"purpose\": \"'\\\"><script>window.pwned=5</script>\", \"scope\": \"ATTENDANCE\","
                                        + " \"signedOn\": \"" + today + "\", \"startsOn\": \"" + today + "\","
                                        + " \"expiresOn\": \"" + today.plusMonths(1) + "\"}")
                        .statusCode())
                .isEqualTo(201);

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            for (String page : List.of(
                    "caseload/index.xhtml",
                    "families/record.xhtml?id=" + f,
                    "episodes/episode.xhtml?id=" + episode,
                    "families/consents.xhtml?id=" + f)) {
                browser.open(page);
                browser.waitForPage();
                assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.pwned === undefined"))
                        .as("no script ran on " + page)
                        .isEqualTo(true);
            }
            assertThat(browser.text("consents-form:consents"))
                    .as("shown as the text that was typed")
                    .contains("<b onmouseover=window.pwned=4>Dr</b>")
                    .contains("<script>window.pwned=5</script>");
            browser.open("episodes/episode.xhtml?id=" + episode);
            browser.waitForPage();
            assertThat(browser.text("timeline-form:timeline")).contains("<svg onload=window.pwned=3>");
            assertThat(browser.driver().getTitle() + browser.text("page-heading"))
                    .contains("<script>window.pwned=2</script>");
        }
    }

    @Test
    void aFormPostedFromAnotherSiteChangesNothing() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String program = "Forgery program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("carlos", "Carlos Rivera", "counselor", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        long familyId = familyOfCarlos(programId, "Forgery-" + suffix);
        String f = Long.toString(familyId);
        String episode = new TestData(database)
                .episode(Long.parseLong(f))
                .lovedOne("W.", "SIBLING")
                .insert();

        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            browser.open("episodes/episode.xhtml?id=" + episode);
            browser.waitForPage();
            // another site (127.0.0.1 is not localhost to the browser) posts a form to Hearth while Carlos is signed in
            browser.driver().get(HearthStack.appUrl().replace("localhost", "127.0.0.1") + "api-docs/openapi.yaml");
            ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "var form = document.createElement('form'); form.method = 'post';"
                                    + " form.action = arguments[0];"
                                    + " [['event-form', 'event-form'], ['event-form:kind', 'STAGE_OBSERVED'],"
                                    + " ['event-form:stage', 'ACTION'], ['event-form:record', '']].forEach(function (f) {"
                                    + " var i = document.createElement('input'); i.name = f[0]; i.value = f[1];"
                                    + " form.appendChild(i); });"
                                    + " document.body.appendChild(form); form.submit();",
                            HearthStack.appUrl() + "episodes/episode.xhtml?id=" + episode);
            browser.waiting().until(d -> !d.getCurrentUrl().contains("127.0.0.1"));
            browser.waitForPage();
            assertThat(browser.driver().getPageSource())
                    .as("Hearth answered the forged post without recording anything (no session came along)")
                    .doesNotContain("The event is recorded.");
        }
        assertThat(database.query("select count(*) from episode_event where episode_id = cast(? as bigint)", episode))
                .as("nothing was recorded: the session cookie (SameSite=Lax) does not come along with another site's"
                        + " POST, and without the page's ViewState no action runs")
                .isEqualTo(List.of(List.of("0")));
    }

    private static void writeInEditor(Browser browser, String editorId, String text) {
        browser.driver()
                .findElement(By.cssSelector("[id='" + editorId + "'] .ql-editor"))
                .click();
        browser.driver()
                .findElement(By.cssSelector("[id='" + editorId + "'] .ql-editor"))
                .sendKeys(text);
    }

    /** A day as the pages' tables show it to an English reader: "Dec 15, 2026". */
    private static String inTable(LocalDate day) {
        return java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH)
                .format(day);
    }

    /** The front desk opens the family's Schedule tab, books family therapy with Carlos at 10:00. */
    private static void book(Browser browser, long familyId, LocalDate day, String room) {
        browser.open("families/record.xhtml?id=" + familyId);
        browser.waitForPage();
        browser.click(By.xpath("//*[@id='tabs']//a[normalize-space()='Schedule']"));
        browser.click("tabs:book-session");
        browser.type("booking-form:date_input", day.toString());
        browser.choose("booking-form:time", "10:00");
        browser.choose("booking-form:room", room);
        browser.click("booking-form:book");
    }

    /** A family registered and given to Carlos through the API, as the other journeys leave them. */
    private long familyOfCarlos(long programId, String name) throws Exception {
        ApiClient api = new ApiClient();
        long id = api.registerFamilyOfOne(programId, name);
        assertThat(api.send("sam", "PUT", "families/" + id + "/assignment", "{\"counselorUsername\": \"carlos\"}")
                        .statusCode())
                .isEqualTo(200);
        return id;
    }

    /** Frida registers the family from the menu and lands on its record with its new case number. */
    private static String frontDeskRegisters(String program, String familyName) {
        try (Browser browser = Browser.open()) {
            browser.signIn("frida");
            browser.click("menu-register");
            browser.type("register-form:familyName", familyName);
            browser.choose("register-form:programId", program);
            browser.choose("register-form:referralSource", "Hospital or emergency department");
            browser.type("register-form:members:0:fullName", "Maria " + familyName);
            browser.choose("register-form:members:0:relationship", "Parent");
            browser.type("register-form:members:0:dateOfBirth_input", "1968-03-14");
            browser.type(
                    "register-form:members:0:phone", "(555) 014-" + (1000 + Math.abs(familyName.hashCode() % 9000)));
            browser.click("register-form:register");

            browser.waiting().until(ExpectedConditions.urlContains("families/record.xhtml"));
            String caseNumber = browser.text("case-number");
            assertThat(caseNumber).matches("F-\\d{4}-\\d{5}");
            assertThat(browser.messages()).contains("registered as " + caseNumber);
            assertThat(browser.text("family-status")).isEqualTo("Intake");
            assertThat(browser.text("primary-counselor")).isEqualTo("Not assigned yet");
            assertThat(browser.driver().findElements(By.id("record-actions:open-intake")))
                    .as("the front desk is not offered the intake")
                    .isEmpty();
            return browser.driver().getCurrentUrl();
        }
    }

    /** Sam opens the family's Counselors tab and gives it to Carlos. */
    private static void supervisorAssignsCarlos(String record) {
        try (Browser browser = Browser.open()) {
            browser.signIn("sam");
            browser.driver().get(record);
            browser.waitForPage();
            browser.click(By.xpath("//*[@id='tabs']//a[normalize-space()='Counselors']"));
            browser.choose("tabs:assign-form:counselor", "Carlos Rivera");
            browser.click("tabs:assign-form:assign");

            assertThat(browser.text("tabs:assignment-history")).contains("Carlos Rivera");
        }
    }

    /**
     * Carlos finds the family on "My caseload" marked "Intake to complete", works through the six steps
     * of the intake (each one saves a draft) and completes it; the safety screen's answers flag the family
     * and prompt naloxone, and the caseload shows the flag.
     */
    private static void counselorCompletesTheIntakeFromMyCaseload(String familyName) {
        try (Browser browser = Browser.open()) {
            browser.signIn("carlos");
            assertThat(browser.text("page-heading")).isEqualTo("My caseload");
            assertThat(caseloadRow(browser, familyName))
                    .contains("Intake to complete")
                    .doesNotContain("Safety flag");
            browser.click(By.xpath(rowXpath(familyName) + "//a[contains(@class,'case-link')]"));
            browser.click("record-actions:open-intake");

            assertThat(browser.text("step-heading")).isEqualTo("Concern and goals");
            browser.type("intake-form:presentingConcern", "Their son uses fentanyl and refuses treatment.");
            browser.type("intake-form:familyGoals", "Keep him alive; get him to accept treatment.");
            browser.click("intake-form:next");

            assertThat(browser.text("step-heading")).isEqualTo("Loved ones");
            browser.type("intake-form:lovedOnes:0:alias", "J.");
            browser.type("intake-form:lovedOnes:0:age", "24");
            browser.choose("intake-form:lovedOnes:0:relationship", "Son or daughter");
            browser.pick("intake-form:lovedOnes:0:substances", "Fentanyl");
            browser.pick("intake-form:lovedOnes:0:routes", "Smoking");
            browser.pick("intake-form:lovedOnes:0:inTreatment", "No");
            browser.choose("intake-form:lovedOnes:0:stage", "Precontemplation (not considering change)");
            browser.click("intake-form:next");

            assertThat(browser.text("step-heading")).isEqualTo("Safety screen");
            answerSafetyQuestion(browser, "violence or intimidation", "No");
            answerSafetyQuestion(browser, "children in the home", "Yes");
            answerSafetyQuestion(browser, "risk of suicide", "No");
            answerSafetyQuestion(browser, "lost tolerance", "Yes");
            answerSafetyQuestion(browser, "use alone", "Yes");
            answerSafetyQuestion(browser, "use fentanyl", "Yes");
            answerSafetyQuestion(browser, "mix with alcohol", "No");
            answerSafetyQuestion(browser, "naloxone in the home", "No");
            browser.click("intake-form:next");
            assertThat(browser.text("safety-flag"))
                    .as("the flag shows as soon as the screen is saved")
                    .contains("Safety flag")
                    .contains("Overdose risk");
            assertThat(browser.text("offer-naloxone")).contains("offer naloxone");

            assertThat(browser.text("step-heading")).isEqualTo("ASAM ratings");
            int[] ratings = {2, 1, 2, 4, 4, 3};
            List<WebElement> dimensions =
                    browser.driver().findElements(By.cssSelector(".question-table tbody tr, .question-table > tr"));
            assertThat(dimensions).hasSize(6);
            for (int d = 0; d < ratings.length; d++) {
                browser.click(By.xpath("(//table[contains(@class,'question-table')]//tr)[" + (d + 1)
                        + "]//div[contains(@class,'ui-button')][normalize-space()='" + ratings[d] + "']"));
            }
            browser.click("intake-form:next");

            assertThat(browser.text("step-heading")).isEqualTo("Readiness rulers");
            List<WebElement> rulers = browser.driver().findElements(By.cssSelector(".ui-spinner-input"));
            assertThat(rulers)
                    .as("importance, confidence and readiness of the one participating member")
                    .hasSize(3);
            int[] answers = {9, 4, 7};
            for (int i = 0; i < answers.length; i++) {
                rulers.get(i).clear();
                rulers.get(i).sendKeys(String.valueOf(answers[i]));
            }
            browser.click("intake-form:next");

            assertThat(browser.text("step-heading")).isEqualTo("Consents");
            assertThat(browser.text("part2-consents")).contains("42 CFR Part 2").contains("Consents page");
            browser.click(By.cssSelector("[id='intake-form:treatmentConsentSigned'] .ui-chkbox-box"));
            browser.click("intake-form:treatmentConsentOn_input");
            browser.click(
                    By.xpath("//*[@id='intake-form:treatmentConsentOn_panel']//button[normalize-space()='Today']"));
            browser.click("intake-form:complete");

            assertThat(browser.messages()).contains("The intake is complete and the family is active.");
            assertThat(browser.text("intake-state")).isEqualTo("Intake completed");
            assertThat(browser.text("safety-flag")).contains("Overdose risk");

            browser.click("menu-caseload");
            assertThat(caseloadRow(browser, familyName))
                    .contains("Safety flag")
                    .contains("Active")
                    .doesNotContain("Intake to complete");
        }
    }

    /**
     * Cora counsels in the same program but the family is not on her caseload: its address shows nothing of
     * the family, only the emergency page asking why she needs it; its intake gets 403.
     */
    private void anotherCounselorIsRefusedTheRecordByAddress(String record) {
        String deniedBefore = deniedCount("cora");
        try (Browser browser = Browser.open()) {
            browser.signIn("cora");
            browser.driver().get(record);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("emergency-form")));
            assertThat(browser.driver().getPageSource())
                    .doesNotContain("Journey-")
                    .doesNotContain("Maria");
            browser.driver().get(record.replace("record.xhtml", "intake.xhtml"));
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("access-denied")));
        }
        assertThat(Long.parseLong(deniedCount("cora")))
                .as("both refusals are audited")
                .isGreaterThanOrEqualTo(Long.parseLong(deniedBefore) + 2);
    }

    private String deniedCount(String username) {
        return database.query("select count(*) from audit_entry where username = ? and outcome = 'DENIED'", username)
                .get(0)
                .get(0);
    }

    private static void answerSafetyQuestion(Browser browser, String question, String answer) {
        browser.click(By.xpath("//tr[th[contains(normalize-space(), '" + question + "')]]//label[normalize-space()='"
                + answer + "']"));
    }

    /** Narrows "My caseload" to the family by the search box and returns the text of its only row. */
    private static String caseloadRow(Browser browser, String familyName) {
        browser.type("caseload-form:caseload-search", familyName);
        return browser.waiting().until(driver -> {
            List<WebElement> rows = driver.findElements(By.cssSelector(".caseload-table tbody tr"));
            return rows.size() == 1 && rows.get(0).getText().contains(familyName)
                    ? rows.get(0).getText()
                    : null;
        });
    }

    private static String rowXpath(String familyName) {
        return "//table//tr[td[contains(normalize-space(), '" + familyName + "')]]";
    }
}
