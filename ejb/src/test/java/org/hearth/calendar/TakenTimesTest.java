package org.hearth.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hearth.time.ClinicTime;
import org.junit.jupiter.api.Test;

class TakenTimesTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 3);

    private static TimeSlot local(int fromHour, int toHour) {
        return new TimeSlot(
                ZonedDateTime.of(TUESDAY, LocalTime.of(fromHour, 0), ClinicTime.zone())
                        .toInstant(),
                ZonedDateTime.of(TUESDAY, LocalTime.of(toHour, 0), ClinicTime.zone())
                        .toInstant());
    }

    @Test
    void eachClashNamesWhoOrWhichRoomAndWhenTheyAreTaken() {
        TakenTimes taken =
                new TakenTimes().counselor("Ana Reyes", local(17, 18)).room("Room A", local(18, 19));

        assertThat(taken.clashesWith(local(17, 19)))
                .containsExactly(
                        ScheduleRefusal.of("schedule.clash.counselor", "Ana Reyes", "2026-11-03", "17:00", "18:00"),
                        ScheduleRefusal.of("schedule.clash.room", "Room A", "2026-11-03", "18:00", "19:00"));
    }

    @Test
    void aMemberClashNamesTheMemberAndWhetherAFamilySessionOrWhichGroupsMeetingHoldsThem() {
        TakenTimes taken = new TakenTimes()
                .memberInSession("Ana Ruiz", local(10, 11))
                .memberInGroup("Ana Ruiz", "Parents' evening", local(18, 19));

        assertThat(taken.clashesWith(local(10, 19)))
                .extracting(r -> r.text(ResourceBundle.getBundle("ValidationMessages", Locale.ENGLISH)))
                .containsExactly(
                        "Ana Ruiz has a family session on 2026-11-03 from 10:00 to 11:00.",
                        "Ana Ruiz has the Parents' evening meeting on 2026-11-03 from 18:00 to 19:00.");
        assertThat(taken.clashesWith(local(18, 19)))
                .extracting(r -> r.text(ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag("es"))))
                .containsExactly(
                        "Ana Ruiz tiene la reunión del grupo Parents' evening el 2026-11-03 de 18:00 a 19:00.");
        assertThat(taken.clashesWith(local(10, 11)))
                .extracting(ScheduleRefusal::field)
                .containsExactly("memberIds");
    }

    @Test
    void aSessionStartingWhenAnotherEndsIsFree() {
        TakenTimes taken = new TakenTimes().counselor("Ana Reyes", local(16, 18));

        assertThat(taken.clashesWith(local(18, 20))).isEmpty();
    }
}
