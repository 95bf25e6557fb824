package org.hearth.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hearth.appointments.Appointment;
import org.hearth.education.EducationTopic;
import org.hearth.family.Family;
import org.hearth.family.StageOfChange;
import org.hearth.staff.StaffMember;
import org.junit.jupiter.api.Test;

/**
 * A signed note's hash covers the education topics ticked (issue 25), and a note signed before the checklist
 * existed (no topics) still hashes as it did, so it still reads as intact.
 */
class NoteTextHashTest {

    /**
     * The hash of {@link #signedNote} as the code before issue 25 computed it (NoteText at commit ca6f4cb): a
     * note of that time, unchanged in the database, must still verify.
     */
    private static final String HASH_BEFORE_ISSUE_25 =
            "d67f6a380088d587a66864b8b9431eed8b1653c9874da3ba6d08ed58ae6776a8";

    @Test
    void aNoteWithoutTopicsHashesAsBeforeTheChecklistExisted() throws Exception {
        assertThat(NoteText.hash(signedNote(Set.of()))).isEqualTo(HASH_BEFORE_ISSUE_25);
    }

    @Test
    void theTopicsTickedAreCoveredByTheHash() throws Exception {
        String none = NoteText.hash(signedNote(Set.of()));
        String overdose = NoteText.hash(signedNote(Set.of(EducationTopic.OVERDOSE_NALOXONE)));
        String two = NoteText.hash(signedNote(EnumSet.of(EducationTopic.OVERDOSE_NALOXONE, EducationTopic.SELF_CARE)));

        assertThat(overdose).isNotEqualTo(none).isNotEqualTo(two);
        assertThat(NoteText.hash(signedNote(EnumSet.of(EducationTopic.SELF_CARE, EducationTopic.OVERDOSE_NALOXONE))))
                .isEqualTo(two);
    }

    @Test
    void theTopicsAreKeptInTheChecklistsOrder() throws Exception {
        SessionNote note = signedNote(Set.of(EducationTopic.SELF_CARE, EducationTopic.WITHDRAWAL));

        assertThat(note.content().educationTopics())
                .containsExactly(EducationTopic.WITHDRAWAL, EducationTopic.SELF_CARE);
    }

    private static SessionNote signedNote(Set<EducationTopic> topics) throws Exception {
        Family family = instance(Family.class);
        set(family, Family.class, "id", 41L);
        Appointment appointment = instance(Appointment.class);
        set(appointment, Appointment.class, "id", 4_242L);
        set(appointment, Appointment.class, "family", family);
        StaffMember ana = new StaffMember("ana", "Ana Counselor");
        SessionNote note = new SessionNote(appointment, ana, Instant.parse("2026-03-02T17:00:00Z"));
        set(note, SessionNote.class, "id", 99L);
        note.write(
                new NoteContent(
                        "<p>Grace reports a calm week</p>",
                        "<p>Ready to set a boundary</p>",
                        "<p>Practise one positive request</p>",
                        "Treatment entry",
                        true,
                        false,
                        true,
                        false,
                        List.of(new NoteContent.ChangeTalk(ChangeTalkCategory.DESIRE, "I want him home\nfor good", 7L)),
                        "I am not ready",
                        null,
                        List.of(new NoteContent.Ruler(7L, 8, 5, null, StageOfChange.PREPARATION)),
                        List.of(new NoteContent.LovedOneStage(3L, StageOfChange.CONTEMPLATION)),
                        Set.of(CraftProcedure.POSITIVE_COMMUNICATION, CraftProcedure.FUNCTIONAL_ANALYSIS),
                        "Fentanyl in the area",
                        null,
                        true,
                        "Log calm talks",
                        "Next week",
                        topics),
                Instant.parse("2026-03-02T18:00:00Z"));
        note.sign(Instant.parse("2026-03-02T18:30:00.123456Z"));
        return note;
    }

    private static <T> T instance(Class<T> type) throws Exception {
        Constructor<T> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    private static void set(Object target, Class<?> type, String field, Object value) throws Exception {
        Field f = type.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
