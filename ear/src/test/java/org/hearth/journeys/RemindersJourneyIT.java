package org.hearth.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hearth.testing.ApiClient;
import org.hearth.testing.Browser;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Mailbox;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;

/**
 * Issue 26's journey: the front desk books a session in the browser under 48 hours ahead; the member's reminder comes
 * by mail at once, saying only "an appointment at the clinic", the day, the time; the member follows "I can't come"
 * in a browser, presses the button and reads the answer; the front desk's day view shows the session cancelled by the
 * family by link. Moving a session with a reminder sent makes its old link say the time changed, and cancelling a
 * session withdraws the reminder not yet sent.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class RemindersJourneyIT {

    /** Words a reminder must never carry (the family's, the counselor's names are checked too). */
    private static final List<String> FORBIDDEN = List.of(
            "therapy", "counsel", "group", "family program", "treatment", "recovery", "addiction", "drug", "craft");

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void aReminderBookedInTheBrowserIsAnsweredICantComeAndTheDayViewShowsTheCancellation() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Setup setup = setUp(suffix);
        String email = "lena-" + suffix + "@example.org";
        long family = familyWithEmail(setup, "Remind-" + suffix, email);
        ZonedDateTime start = slotUnder48HoursAhead();

        try (Browser desk = Browser.open()) {
            desk.signIn("frida");
            book(desk, family, start, "Quiet room " + suffix);
            assertThat(desk.messages()).contains("Booked: the Remind-" + suffix + " family");

            Mailbox.Mail reminder =
                    Mailbox.awaitTo(email, Duration.ofSeconds(60)).get(0);
            awaitSent(family);
            String day = start.format(DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH));
            String time = start.format(DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH));
            assertThat(reminder.text())
                    .contains("You have an appointment at the clinic on " + day + " at " + time + ".")
                    .doesNotContain("Remind-" + suffix, setup.counselor(), "Quiet room");
            for (String word : FORBIDDEN) {
                assertThat((reminder.subject() + " " + reminder.text()).toLowerCase(Locale.ROOT))
                        .as("the reminder never says '" + word + "'")
                        .doesNotContain(word);
            }
            assertThat(database.query(
                            "select lead_minutes, status from outbox_message where family_id = cast(? as bigint)"
                                    + " order by lead_minutes desc",
                            Long.toString(family)))
                    .as("under 48 hours ahead: the 48-hour reminder went at once, the 2-hour one waits")
                    .containsExactly(List.of("2880", "SENT"), List.of("120", "PENDING"));

            try (Browser member = Browser.open()) {
                member.driver().get(lineLink(reminder, "I can't come:"));
                member.waitForPage();
                assertThat(member.text("link-question"))
                        .isEqualTo("Tell the clinic you can't come on " + day + " at " + time + "?");
                member.click("link-use");
                assertThat(member.text("link-outcome"))
                        .isEqualTo("Thank you for letting us know. The appointment is cancelled; call the clinic to"
                                + " book another time.");
            }
            assertThat(database.query(
                            "select status from outbox_message where family_id = cast(? as bigint) and lead_minutes = 120",
                            Long.toString(family)))
                    .as("the reminder not yet sent is withdrawn")
                    .containsExactly(List.of("WITHDRAWN"));

            // another family, the same day, says "I'll be there"
            String otherEmail = "ines-" + suffix + "@example.org";
            long other = familyWithEmail(setup, "Confirm-" + suffix, otherEmail);
            var booked = new ApiClient()
                    .send("frida", "POST", "appointments", booking(other, setup, neighbour(start), false));
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            Mailbox.Mail otherReminder =
                    Mailbox.awaitTo(otherEmail, Duration.ofSeconds(60)).get(0);
            try (Browser member = Browser.open()) {
                member.driver().get(lineLink(otherReminder, "I'll be there:"));
                member.waitForPage();
                member.click("link-use");
                assertThat(member.text("link-outcome")).isEqualTo("Thank you. We have noted that you will be there.");
            }

            desk.open("schedule/today.xhtml");
            LocalDate today = LocalDate.now(ClinicTime.zone());
            for (long d = 0; d < ChronoUnit.DAYS.between(today, start.toLocalDate()); d++) {
                desk.click("today-form:next-day");
            }
            String row = "//tr[td[contains(normalize-space(), 'Remind-" + suffix + "')]]";
            assertThat(desk.driver().findElement(By.xpath(row)).getText())
                    .contains("Cancelled by the family (by link)");
            String confirmedRow = "//tr[td[contains(normalize-space(), 'Confirm-" + suffix + "')]]";
            assertThat(desk.driver()
                            .findElement(By.xpath(confirmedRow + "//*[contains(@class, 'confirmed-mark')]"))
                            .getText())
                    .startsWith("Confirmed "
                            + LocalDate.now(ClinicTime.zone())
                                    .format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH)))
                    .endsWith(" · Rosa Confirm-" + suffix);
            screenshot(desk, "day-view");
        }
    }

    @Test
    void movingASessionMakesItsSentLinkSayTheTimeChangedAndCancellingWithdrawsThePendingReminder() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Setup setup = setUp(suffix);
        String email = "omar-" + suffix + "@example.org";
        long family = familyWithEmail(setup, "Moved-" + suffix, email);
        ZonedDateTime start = slotUnder48HoursAhead();
        ApiClient api = new ApiClient();
        long session = ApiClient.json(api.send("frida", "POST", "appointments", booking(family, setup, start))
                        .body())
                .getJsonNumber("id")
                .longValue();
        Mailbox.Mail reminder = Mailbox.awaitTo(email, Duration.ofSeconds(60)).get(0);
        awaitSent(family);

        ZonedDateTime later = start.plusDays(7);
        var moved = api.send(
                "frida",
                "PUT",
                "appointments/" + session,
                """
                {"start": "%s", "minutes": 60, "roomId": %d, "telehealth": false, "version": %d}"""
                        .formatted(later.toLocalDateTime(), setup.room(), version(session)));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(database.query(
                        "select lead_minutes, status from outbox_message where subject_id = cast(? as bigint)"
                                + " and subject_type = 'Appointment' order by id",
                        Long.toString(session)))
                .as("the old time's pending reminder is withdrawn, the new time's are written")
                .containsExactly(
                        List.of("2880", "SENT"),
                        List.of("120", "WITHDRAWN"),
                        List.of("2880", "PENDING"),
                        List.of("120", "PENDING"));

        try (Browser member = Browser.open()) {
            member.driver().get(lineLink(reminder, "I'll be there:"));
            member.waitForPage();
            member.click("link-use");
            assertThat(member.text("link-outcome")).contains("The time of this appointment has changed");
        }
        assertThat(database.query(
                        "select count(*) from appointment_answer where appointment_id = cast(? as bigint)",
                        Long.toString(session)))
                .as("the old link changed nothing")
                .containsExactly(List.of("0"));

        var cancelled = api.send(
                "frida",
                "POST",
                "appointments/" + session + "/cancellation",
                """
                {"byFamily": false, "reason": "The counselor is away", "version": %d}"""
                        .formatted(version(session)));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(database.query(
                        "select status from outbox_message where subject_id = cast(? as bigint)"
                                + " and subject_type = 'Appointment' and status <> 'SENT'",
                        Long.toString(session)))
                .containsOnly(List.of("WITHDRAWN"));
    }

    private record Setup(long programId, long room, String counselor) {}

    private Setup setUp(String suffix) {
        String program = "Reminder program " + suffix;
        TestData data = new TestData(database);
        long programId = data.program(program);
        data.realmStaff("frida", "Frida Moreno", "front-desk", program);
        data.realmStaff("sam", "Sam Okafor", "supervisor", program);
        String counselor = data.staff("coun-" + suffix, "counselor", program);
        database.update("insert into room (name, capacity) values (?, 6)", "Quiet room " + suffix);
        long room = Long.parseLong(database.query("select id from room where name = ?", "Quiet room " + suffix)
                .get(0)
                .get(0));
        return new Setup(programId, room, counselor);
    }

    /** A family of one given to the test's own counselor, whose member has an email, takes part and is safe to mail. */
    private long familyWithEmail(Setup setup, String name, String email) throws Exception {
        ApiClient api = new ApiClient();
        long id = api.registerFamilyOfOne(setup.programId(), name);
        assertThat(api.send(
                                "sam",
                                "PUT",
                                "families/" + id + "/assignment",
                                "{\"counselorUsername\": \"" + setup.counselor() + "\"}")
                        .statusCode())
                .isEqualTo(200);
        database.update(
                "update family_member set email = ?, safe_to_mail = true, participates = true"
                        + " where family_id = cast(? as bigint)",
                email,
                Long.toString(id));
        return id;
    }

    /**
     * A quarter hour as near 47 hours ahead as the clinic's hours allow, at least 3 hours ahead: an hour's session
     * then is within opening hours (Monday to Thursday 08:00-20:00, Friday 08:00-18:00, Saturday 09:00-13:00) on a
     * day the clinic is not closed.
     */
    private ZonedDateTime slotUnder48HoursAhead() {
        ZonedDateTime now = ZonedDateTime.now(ClinicTime.zone());
        ZonedDateTime slot = now.plusHours(47).truncatedTo(ChronoUnit.HOURS);
        while (slot.isAfter(now.plusHours(3))) {
            if (open(slot) && !closed(slot.toLocalDate())) {
                return slot;
            }
            slot = slot.minusMinutes(15);
        }
        throw new AssertionError("the clinic has no open hour between 3 and 47 hours from " + now);
    }

    /** An open hour just before or after {@code start}, the same day (the counselor is busy at {@code start}). */
    private ZonedDateTime neighbour(ZonedDateTime start) {
        for (ZonedDateTime slot : List.of(start.minusHours(1), start.plusHours(1), start.minusHours(2))) {
            if (open(slot)
                    && slot.toLocalDate().equals(start.toLocalDate())
                    && slot.isAfter(ZonedDateTime.now(ClinicTime.zone()).plusHours(2))
                    && slot.isBefore(ZonedDateTime.now(ClinicTime.zone()).plusHours(48))) {
                return slot;
            }
        }
        throw new AssertionError("no open hour beside " + start);
    }

    private static boolean open(ZonedDateTime slot) {
        LocalTime from = slot.toLocalTime();
        LocalTime to = from.plusHours(1);
        DayOfWeek day = slot.getDayOfWeek();
        return switch (day) {
            case SUNDAY -> false;
            case SATURDAY -> !from.isBefore(LocalTime.of(9, 0)) && !to.isAfter(LocalTime.of(13, 0)) && to.isAfter(from);
            case FRIDAY -> !from.isBefore(LocalTime.of(8, 0)) && !to.isAfter(LocalTime.of(18, 0)) && to.isAfter(from);
            default -> !from.isBefore(LocalTime.of(8, 0)) && !to.isAfter(LocalTime.of(20, 0)) && to.isAfter(from);
        };
    }

    private boolean closed(LocalDate day) {
        return !database.query("select 1 from clinic_closure where closed_on = cast(? as date)", day.toString())
                .isEmpty();
    }

    private static void book(Browser browser, long familyId, ZonedDateTime start, String room) {
        browser.open("families/record.xhtml?id=" + familyId);
        browser.waitForPage();
        browser.click(By.xpath("//*[@id='tabs']//a[normalize-space()='Schedule']"));
        browser.click("tabs:book-session");
        browser.type("booking-form:date_input", start.toLocalDate().toString());
        browser.choose("booking-form:time", start.toLocalTime().toString());
        browser.choose("booking-form:room", room);
        browser.click("booking-form:book");
    }

    private String booking(long family, Setup setup, ZonedDateTime start) {
        return booking(family, setup, start, true);
    }

    /** A session as the API books it, in the room or (inRoom false) by telehealth. */
    private String booking(long family, Setup setup, ZonedDateTime start, boolean inRoom) {
        long member = Long.parseLong(database.query(
                        "select id from family_member where family_id = cast(? as bigint)", Long.toString(family))
                .get(0)
                .get(0));
        return """
                {"familyId": %d, "kind": "FAMILY_THERAPY", "memberIds": [%d], "counselorUsername": "%s",
                 "roomId": %s, "telehealth": %s, "start": "%s", "minutes": 60}"""
                .formatted(
                        family,
                        member,
                        setup.counselor(),
                        inRoom ? Long.toString(setup.room()) : "null",
                        !inRoom,
                        start.toLocalDateTime());
    }

    private long version(long session) {
        return Long.parseLong(
                database.query("select version from appointment where id = cast(? as bigint)", Long.toString(session))
                        .get(0)
                        .get(0));
    }

    /** The page, whole, in target/reminder-screens, to look at. */
    private static void screenshot(Browser browser, String name) throws Exception {
        Dimension size = browser.driver().manage().window().getSize();
        Number height = (Number)
                ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(1280, Math.min(6000, height.intValue() + 120)));
        Path folder = Files.createDirectories(Path.of("target", "reminder-screens"));
        Files.write(folder.resolve(name + ".png"), browser.chrome().getScreenshotAs(OutputType.BYTES));
        browser.driver().manage().window().setSize(size);
    }

    /** Waits until the worker has marked the family's reminder sent (the mail arrives just before it commits). */
    private void awaitSent(long family) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (!database.query(
                            "select 1 from outbox_message where family_id = cast(? as bigint) and status = 'SENT'",
                            Long.toString(family))
                    .isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the reminder was received but never marked sent");
    }

    /** The link on the reminder's line that starts with {@code label}. */
    private static String lineLink(Mailbox.Mail mail, String label) {
        return mail.text()
                .lines()
                .filter(line -> line.startsWith(label))
                .map(line -> line.substring(label.length()).strip())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + label + "' in " + mail.text()));
    }
}
