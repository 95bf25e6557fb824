package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.engagement.LevelOfCare.OUTPATIENT;
import static org.hearth.notes.CraftProcedure.FUNCTIONAL_ANALYSIS;
import static org.hearth.notes.CraftProcedure.MOTIVATING_FAMILY_MEMBER;
import static org.hearth.notes.CraftProcedure.POSITIVE_COMMUNICATION;
import static org.hearth.notes.CraftProcedure.SELF_CARE;
import static org.hearth.notes.CraftProcedure.TREATMENT_INVITATION;
import static org.hearth.schedule.AppointmentKind.CRAFT_SESSION;
import static org.hearth.schedule.AppointmentKind.FAMILY_THERAPY;
import static org.hearth.schedule.AppointmentKind.INTAKE_SESSION;
import static org.hearth.schedule.AppointmentKind.MEMBER_SESSION;
import static org.hearth.schedule.AppointmentStatus.CANCELLED_BY_CLINIC;
import static org.hearth.schedule.AppointmentStatus.CHECKED_IN;
import static org.hearth.schedule.AppointmentStatus.COMPLETED;
import static org.hearth.schedule.AppointmentStatus.NO_SHOW;
import static org.hearth.schedule.AppointmentStatus.SCHEDULED;
import static org.hearth.schedule.AttendanceMark.ABSENT;
import static org.hearth.schedule.AttendanceMark.EXCUSED;
import static org.hearth.schedule.AttendanceMark.LATE;
import static org.hearth.schedule.AttendanceMark.PRESENT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.hearth.notes.NoteStatus;
import org.hearth.schedule.ClinicTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Service volume over March 2026, read on 1 July 2026. Family A (opened 02-20) has sessions:
 *
 * <pre>
 * a0 intake    02-27 held        (before the range; signed note: self-care)
 * a1 CRAFT     03-03 held        signed note: motivating, functional analysis
 * a2 CRAFT     03-10 held        co-signed note: functional analysis, positive communication
 * a3 therapy   03-12 held        draft note: treatment invitation (a draft does not count)
 * a4 therapy   03-17 no-show
 * a5 therapy   03-19 10:00 cancelled by the family 03-18 20:00 (14 hours before: late)
 * a6 therapy   03-24 cancelled by the family 03-20 (in time)
 * a7 CRAFT     03-26 cancelled by the clinic
 * a8 CRAFT     03-30 still scheduled (never marked)
 * a9 member    03-31 23:00 checked in (a clinic day of the range, although 1 April in UTC)
 * a10 CRAFT    04-01 00:30 held (after the range, although 31 March in UTC)
 * </pre>
 *
 * Family B (opened 03-01): member sessions held 03-05, 03-28 and 03-29. Family C (opened 01-10): six CRAFT
 * sessions held from 01-15 to 02-19.
 */
class ServiceVolumeFiguresPostgresTest {

    private static final Clock JULY_1 = Clock.fixed(
            ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ClinicTime.zone()).toInstant(), ClinicTime.zone());

    private static ReportDataset data;
    private static ReportScope march;
    private static ProgramFigures figures;
    private static FigureLists lists;
    private static long familyA, familyB, familyC, a4, a5, episodeA, episodeB, episodeC;
    private static long craftGroup, parentsGroup, selfCareGroup;

    @BeforeAll
    static void buildTheProgram() {
        data = ReportDataset.inNewProgram();
        long carlos = data.counselor("Carlos");
        familyA = data.family(carlos, LocalDate.of(2026, 2, 20));
        long a0 = data.session(familyA, carlos, INTAKE_SESSION, at(2, 27, 10), COMPLETED);
        data.note(a0, carlos, NoteStatus.SIGNED, SELF_CARE);
        long a1 = data.session(familyA, carlos, CRAFT_SESSION, at(3, 3, 10), COMPLETED);
        data.note(a1, carlos, NoteStatus.SIGNED, MOTIVATING_FAMILY_MEMBER, FUNCTIONAL_ANALYSIS);
        long a2 = data.session(familyA, carlos, CRAFT_SESSION, at(3, 10, 10), COMPLETED);
        data.note(a2, carlos, NoteStatus.CO_SIGNED, FUNCTIONAL_ANALYSIS, POSITIVE_COMMUNICATION);
        long a3 = data.session(familyA, carlos, FAMILY_THERAPY, at(3, 12, 10), COMPLETED);
        data.note(a3, carlos, NoteStatus.DRAFT, TREATMENT_INVITATION);
        a4 = data.session(familyA, carlos, FAMILY_THERAPY, at(3, 17, 10), NO_SHOW);
        a5 = data.cancelledByFamily(familyA, carlos, at(3, 19, 10), at(3, 18, 20));
        data.cancelledByFamily(familyA, carlos, at(3, 24, 10), at(3, 20, 9));
        data.session(familyA, carlos, CRAFT_SESSION, at(3, 26, 10), CANCELLED_BY_CLINIC);
        data.session(familyA, carlos, CRAFT_SESSION, at(3, 30, 10), SCHEDULED);
        data.session(familyA, carlos, MEMBER_SESSION, at(3, 31, 23), CHECKED_IN);
        data.session(familyA, carlos, CRAFT_SESSION, LocalDateTime.of(2026, 4, 1, 0, 30), COMPLETED);
        episodeA = data.episode(familyA, LocalDate.of(2026, 2, 27));
        data.entered(episodeA, LocalDate.of(2026, 3, 12), OUTPATIENT);

        familyB = data.family(carlos, LocalDate.of(2026, 3, 1));
        data.session(familyB, carlos, MEMBER_SESSION, at(3, 5, 10), COMPLETED);
        data.session(familyB, carlos, MEMBER_SESSION, at(3, 28, 10), COMPLETED);
        data.session(familyB, carlos, MEMBER_SESSION, at(3, 29, 10), COMPLETED);
        episodeB = data.episode(familyB, LocalDate.of(2026, 3, 2));
        data.entered(episodeB, LocalDate.of(2026, 3, 28), OUTPATIENT);

        familyC = data.family(carlos, LocalDate.of(2026, 1, 10));
        for (LocalDateTime held : new LocalDateTime[] {
            at(1, 15, 10), at(1, 22, 10), at(1, 29, 10), at(2, 5, 10), at(2, 12, 10), at(2, 19, 10)
        }) {
            data.session(familyC, carlos, CRAFT_SESSION, held, COMPLETED);
        }
        episodeC = data.episode(familyC, LocalDate.of(2026, 1, 12));
        data.entered(episodeC, LocalDate.of(2026, 3, 20), OUTPATIENT);

        long memberA = data.member(familyA);
        long memberB = data.member(familyB);
        long memberC = data.member(familyC);
        craftGroup = data.group("CRAFT skills");
        long m0 = data.meeting(craftGroup, LocalDate.of(2026, 2, 25), false);
        long m1 = data.meeting(craftGroup, LocalDate.of(2026, 3, 4), false);
        long m2 = data.meeting(craftGroup, LocalDate.of(2026, 3, 11), false);
        long m3 = data.meeting(craftGroup, LocalDate.of(2026, 3, 18), true);
        data.attendance(m0, memberA, ABSENT);
        data.attendance(m1, memberA, PRESENT);
        data.attendance(m1, memberB, LATE);
        data.attendance(m1, memberC, ABSENT);
        data.attendance(m2, memberA, PRESENT);
        data.attendance(m2, memberB, EXCUSED);
        data.attendance(m2, memberC, ABSENT);
        data.attendance(m3, memberA, ABSENT);
        parentsGroup = data.group("Parents' group");
        data.attendance(data.meeting(parentsGroup, LocalDate.of(2026, 3, 5), false), memberA, PRESENT);
        selfCareGroup = data.group("Self-care");

        data.enrollment(craftGroup, memberA, "ENROLLED");
        data.enrollment(craftGroup, memberB, "WAITLISTED");
        data.enrollment(craftGroup, memberC, "WAITLISTED");
        data.enrollment(selfCareGroup, memberA, "WAITLISTED");
        data.enrollment(selfCareGroup, memberB, "LEFT");

        march = data.scope(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        figures = new ProgramFigures(ReportDatabase.dataSource(), JULY_1);
        lists = new FigureLists(ReportDatabase.dataSource(), JULY_1);
    }

    @Test
    void sessionsHeldCountCompletedSessionsOnClinicDaysOfTheRangeByKind() {
        // member: B's three; CRAFT: a1, a2; therapy: a3. a9 was checked in, not held; a0 and a10 fall outside,
        // and C's sessions are all before March
        assertThat(figures.sessionsHeld(march))
                .containsExactly(
                        new Tally<>(MEMBER_SESSION, 3), new Tally<>(CRAFT_SESSION, 2), new Tally<>(FAMILY_THERAPY, 1));
    }

    @Test
    void noShowAndLateCancelRatesAreSharesOfTheSessionsTheFamilyWasExpectedAt() {
        // expected: a1, a2, a3, a9 and B's three kept (7), a4 no-show, a5 late cancel -> 9;
        // a6 (cancelled in time), a7 (by the clinic) and a8 (never marked) were not expected
        // no-shows 1 of 9 = 11%, late cancels 1 of 9
        SessionAttendance attendance = figures.sessionAttendance(march);

        assertThat(attendance).isEqualTo(new SessionAttendance(9, 7, new Share(1, 9), new Share(1, 9)));
        assertThat(attendance.noShows().fraction()).isEqualByComparingTo("0.1111");
        assertThat(lists.expectedSessions(march, SessionOutcome.NO_SHOW)).containsExactly(new Listed(familyA, a4));
        assertThat(lists.expectedSessions(march, SessionOutcome.LATE_CANCEL)).containsExactly(new Listed(familyA, a5));
    }

    @Test
    void groupAttendanceRateIsPresentOrLateOfTheMarkedNotExcusedPerGroup() {
        // CRAFT skills, meetings 03-04 and 03-11 (03-18 cancelled, 02-25 before the range):
        // present A, late B, absent C; present A, excused B, absent C -> 3 of 5 = 60%, 1 excused
        // Parents' group, 03-05: present A -> 1 of 1. Self-care has no marks and is left out.
        assertThat(figures.groupAttendance(march))
                .containsExactly(
                        new GroupAttendance(craftGroup, "CRAFT skills", 2, new Share(3, 5), 1),
                        new GroupAttendance(parentsGroup, "Parents' group", 1, new Share(1, 1), 0));
        assertThat(lists.groupAttendance(march, craftGroup)).hasSize(6);
    }

    @Test
    void waitlistsListEveryGroupOfTheProgramWithWhoWaitsNow() {
        // CRAFT skills: B and C wait (A is enrolled); Parents' group: nobody; Self-care: A (B left)
        assertThat(figures.waitlists(march))
                .containsExactly(
                        new GroupWaitlist(craftGroup, "CRAFT skills", 2),
                        new GroupWaitlist(parentsGroup, "Parents' group", 0),
                        new GroupWaitlist(selfCareGroup, "Self-care", 1));
        assertThat(lists.waitlist(march, craftGroup))
                .extracting(Listed::familyId)
                .containsExactly(familyB, familyC);
    }

    @Test
    void craftProceduresDeliveredCountSignedNotesOfTheRangeOnly() {
        // functional analysis in a1 and a2; motivating in a1; positive communication in a2;
        // a3's draft (treatment invitation) and a0's February note (self-care) do not count
        assertThat(figures.craftProceduresDelivered(march))
                .containsExactly(
                        new Tally<>(FUNCTIONAL_ANALYSIS, 2),
                        new Tally<>(MOTIVATING_FAMILY_MEMBER, 1),
                        new Tally<>(POSITIVE_COMMUNICATION, 1));
        assertThat(lists.craftProcedure(march, TREATMENT_INVITATION)).isEmpty();
    }

    @Test
    void sessionsBeforeEntryCountHeldSessionsFromTheFamilysOpeningToTheDayOfEntry() {
        // A entered 03-12: a0, a1, a2, a3 (held on the day of entry) -> 4
        // B entered 03-28: 03-05 and 03-28 -> 2 (03-29 is after)
        // C entered 03-20: six sessions in January and February -> 6
        // median of 2, 4, 6 = 4; mean 4
        assertThat(figures.sessionsBeforeEntry(march)).isEqualTo(new SessionsBeforeEntry(3, 4.0, 4.0));
        assertThat(lists.sessionsBeforeEntry(march))
                .extracting(Listed::recordId)
                .containsExactly(episodeA, episodeB, episodeC);
    }

    private static LocalDateTime at(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0);
    }
}
