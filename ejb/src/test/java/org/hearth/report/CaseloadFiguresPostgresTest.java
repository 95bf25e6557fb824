package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.engagement.EpisodeStatus.DISENGAGED;
import static org.hearth.schedule.AppointmentKind.CRAFT_SESSION;
import static org.hearth.schedule.AppointmentStatus.COMPLETED;
import static org.hearth.schedule.AppointmentStatus.NO_SHOW;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.hearth.notes.NoteStatus;
import org.hearth.schedule.ClinicTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Caseloads per counselor over June 2026, read on 1 July 2026 at noon (so a note is overdue for a session that
 * ended before 28 June at noon, and "without contact for 30 days" means a last contact before 1 June).
 *
 * <pre>
 * family  primary  covering            status  last contact          episode follow-up
 * F1      Carlos                       ACTIVE  06-25                 06-30 (overdue)
 * F2      Carlos                       ACTIVE  05-20 (no contact)    07-01 (due today: not overdue)
 * F3      Carlos                       ACTIVE  none, opened 06-15
 * F4      Carlos                       ACTIVE  none, opened 04-01    06-01, but DISENGAGED (closed)
 *                                              (no contact)
 * F5      Carlos                       CLOSED  04-01
 * F6      Carlos                       INTAKE
 * F7      Cora     Carlos 06-20..07-10 ACTIVE  06-01 (exactly 30 days) 06-15 (overdue)
 * F8      Cora     Carlos 05-01..05-31 ACTIVE  05-31 (no contact)
 *
 * Carlos's sessions: F1 06-03 held, signed note; F2 06-10 held, draft note (overdue); F1 06-17 no-show;
 * F7 06-24 held, no note (overdue); F1 05-28 held, no note (overdue, before the range); F2 06-30 held, no note
 * (not overdue yet). Cora's: F8 06-05 held, note returned (signed, so not overdue).
 *
 * Carlos: active F1, F2, F3, F4, F7 = 5; sessions held in June 4; overdue notes 3; overdue follow-ups F1, F7 = 2;
 *         without contact F2, F4 = 2
 * Cora:   active F7, F8 = 2; sessions 1; overdue notes 0; overdue follow-ups F7 = 1; without contact F8 = 1
 * Sofia (supervisor and counselor): zeros. Sam (supervisor only) and a counselor of another program: not listed.
 * </pre>
 */
class CaseloadFiguresPostgresTest {

    private static final Clock JULY_1 = Clock.fixed(
            ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ClinicTime.zone()).toInstant(), ClinicTime.zone());

    private static ReportScope june;
    private static ProgramFigures figures;
    private static FigureLists lists;
    private static long carlos, cora, sofia, f1, f2, f4, f7, f8, f1Episode, f7Episode;

    @BeforeAll
    static void buildTheProgram() {
        ReportDataset data = ReportDataset.inNewProgram();
        carlos = data.counselor("Carlos Rivera");
        cora = data.counselor("Cora Jensen");
        sofia = data.staff("supervisor,counselor", "Sofia Marin");
        data.staff("supervisor", "Sam Okafor");
        ReportDataset.inNewProgram().counselor("Another program's counselor");

        f1 = data.family(carlos, date(4, 1), "ACTIVE", date(6, 25));
        f2 = data.family(carlos, date(4, 1), "ACTIVE", date(5, 20));
        data.family(carlos, date(6, 15), "ACTIVE", null);
        f4 = data.family(carlos, date(4, 1), "ACTIVE", null);
        data.family(carlos, date(1, 5), "CLOSED", date(4, 1));
        data.family(carlos, date(6, 28), "INTAKE", null);
        f7 = data.family(cora, date(3, 1), "ACTIVE", date(6, 1));
        data.covering(f7, carlos, date(6, 20), date(7, 10));
        f8 = data.family(cora, date(3, 1), "ACTIVE", date(5, 31));
        data.covering(f8, carlos, date(5, 1), date(5, 31));

        f1Episode = data.episode(f1, date(4, 2));
        data.followUpOn(f1Episode, date(6, 30));
        data.followUpOn(data.episode(f2, date(4, 2)), date(7, 1));
        long f4Episode = data.episode(f4, date(4, 2));
        data.moved(f4Episode, date(5, 1), DISENGAGED);
        data.followUpOn(f4Episode, date(6, 1));
        f7Episode = data.episode(f7, date(3, 2));
        data.followUpOn(f7Episode, date(6, 15));

        data.note(data.session(f1, carlos, CRAFT_SESSION, at(6, 3), COMPLETED), carlos, NoteStatus.SIGNED);
        data.note(data.session(f2, carlos, CRAFT_SESSION, at(6, 10), COMPLETED), carlos, NoteStatus.DRAFT);
        data.session(f1, carlos, CRAFT_SESSION, at(6, 17), NO_SHOW);
        data.session(f7, carlos, CRAFT_SESSION, at(6, 24), COMPLETED);
        data.session(f1, carlos, CRAFT_SESSION, at(5, 28), COMPLETED);
        data.session(f2, carlos, CRAFT_SESSION, at(6, 30), COMPLETED);
        data.note(data.session(f8, cora, CRAFT_SESSION, at(6, 5), COMPLETED), cora, NoteStatus.RETURNED);

        june = data.scope(date(6, 1), date(6, 30));
        figures = new ProgramFigures(ReportDatabase.dataSource(), JULY_1);
        lists = new FigureLists(ReportDatabase.dataSource(), JULY_1);
    }

    @Test
    void eachCounselorOfTheProgramHasTheirCaseloadCountedAndOthersAreNotListed() {
        assertThat(figures.caseloads(june))
                .extracting(
                        CounselorCaseload::displayName,
                        CounselorCaseload::activeFamilies,
                        CounselorCaseload::sessionsHeld,
                        CounselorCaseload::overdueNotes,
                        CounselorCaseload::overdueFollowUps,
                        CounselorCaseload::withoutContact)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Carlos Rivera", 5L, 4L, 3L, 2L, 2L),
                        org.assertj.core.groups.Tuple.tuple("Cora Jensen", 2L, 1L, 0L, 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("Sofia Marin", 0L, 0L, 0L, 0L, 0L));
    }

    @Test
    void aCoveringCounselorCountsTheFamilyOnlyWithinTheCoveringDates() {
        // F7 is covered by Carlos now; F8's cover ended on 31 May
        assertThat(lists.caseload(june, carlos, CaseloadMeasure.ACTIVE_FAMILIES))
                .extracting(Listed::familyId)
                .contains(f7)
                .doesNotContain(f8);
        assertThat(lists.caseload(june, carlos, CaseloadMeasure.OVERDUE_FOLLOW_UPS))
                .extracting(Listed::recordId)
                .containsExactly(f1Episode, f7Episode);
        assertThat(lists.caseload(june, carlos, CaseloadMeasure.NO_CONTACT))
                .extracting(Listed::familyId)
                .containsExactly(f2, f4);
    }

    @Test
    void aCounselorFilterShowsThatCounselorsRowOnly() {
        assertThat(figures.caseloads(june.forCounselor(cora)))
                .extracting(CounselorCaseload::counselorId)
                .containsExactly(cora);
        assertThat(figures.caseloads(june.forCounselor(sofia)))
                .extracting(CounselorCaseload::counselorId, CounselorCaseload::activeFamilies)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(sofia, 0L));
    }

    private static LocalDate date(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 10, 0);
    }
}
