package org.hearth.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.groups.Tuple;
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.family.StageOfChange;
import org.hearth.notes.NoteContent;
import org.hearth.notes.NoteView;
import org.hearth.notes.SessionNotes;
import org.hearth.security.Invalid;
import org.hearth.security.Refused;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.hearth.testing.TestData;
import org.hearth.time.ClinicTime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Part 2 consents in the real server: recorded from the form and checked, exported only as far as a consent
 * in force allows (counseling notes only under their own consent), every export in the ledger with the hash
 * of what was sent and in the member's accounting, revocation, the database keeping both, and who may.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class ConsentsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(ConsentsIT.class);
    }

    @Inject
    private Consents consents;

    @Inject
    private SessionNotes notes;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String ana;
    private String ben;
    private String supervisor;
    private String desk;
    private FamilyContact family;
    private long grace;
    private LocalDate today;

    @BeforeEach
    void graceHadASessionWithASignedNote() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestData data = new TestData(sql());
        long programId = data.program("Consents " + suffix);
        ana = data.staff("ana-" + suffix, "counselor", "Consents " + suffix);
        ben = data.staff("ben-" + suffix, "counselor", "Consents " + suffix);
        supervisor = data.staff("sup-" + suffix, "supervisor", "Consents " + suffix);
        desk = data.staff("desk-" + suffix, "front-desk");
        family = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        "Núñez",
                        programId,
                        "en",
                        ReferralSource.SELF,
                        null,
                        List.of(new NewFamilyMember(
                                "Grace Núñez", null, 45, Relationship.PARENT, null, null, "en", false, false, true)))));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(family.id(), ana, null));
        grace = Long.parseLong(sql().query(
                        "select id from family_member where family_id = cast(? as bigint)", Long.toString(family.id()))
                .get(0)
                .get(0));
        today = LocalDate.now(ClinicTime.zone());
        sql().update(
                        "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                                + " booked_by, booked_at) select cast(? as bigint), 'CRAFT_SESSION', s.id, true,"
                                + " now() - interval '2 hours', now() - interval '1 hour', 'COMPLETED', 'test', now()"
                                + " from staff_member s where s.username = ?",
                        Long.toString(family.id()),
                        ana);
        long session = Long.parseLong(sql().query(
                        "select max(id) from appointment where family_id = cast(? as bigint)",
                        Long.toString(family.id()))
                .get(0)
                .get(0));
        sql().update(
                        "insert into appointment_member (appointment_id, family_member_id) values (cast(? as bigint),"
                                + " cast(? as bigint))",
                        Long.toString(session),
                        Long.toString(grace));
        NoteView draft = asAna(() -> notes.open(session));
        NoteView filled = asAna(() -> notes.saveDraft(
                draft.id(),
                new NoteContent(
                        "<p>Grace reports a <b>calm</b> week</p>",
                        "<p>Ready to set a boundary</p>",
                        "<p>Practise one positive request</p>",
                        null,
                        true,
                        true,
                        true,
                        false,
                        List.of(),
                        null,
                        null,
                        List.of(new NoteContent.Ruler(grace, 8, 5, 7, StageOfChange.PREPARATION)),
                        List.of(),
                        Set.of(),
                        null,
                        null,
                        false,
                        null,
                        null,
                        Set.of()),
                draft.version()));
        asAna(() -> notes.sign(filled.id(), filled.version()));
    }

    @Test
    void aRecordIsDisclosedOnlyAsFarAsItsConsentAllowsAndEveryExportIsInTheLedger() throws Exception {
        ConsentView full = asAna(() -> consents.record(family.id(), consent(DisclosureScope.FULL_RECORD)));
        ConsentView counseling = asAna(() -> consents.record(family.id(), consent(DisclosureScope.COUNSELING_NOTES)));
        assertThat(full.active()).isTrue();

        Consents.Export record = asAna(() -> consents.disclose(full.id(), Disclosure.Format.JSON));
        String json = new String(record.content(), StandardCharsets.UTF_8);
        assertThat(json)
                .contains("Grace Núñez")
                .contains("Dr. Lima, Riverside Treatment Center")
                .contains("In the program")
                .contains("importance 8, confidence 5, readiness 7")
                .contains("craft session with")
                .contains("note signed")
                .contains("This record which has been disclosed to you is protected by Federal")
                .as("the full record never carries the counseling notes")
                .doesNotContain("calm")
                .doesNotContain("boundary");

        Consents.Export notesOnly = asAna(() -> consents.disclose(counseling.id(), Disclosure.Format.PDF));
        assertThat(notesOnly.mediaType()).isEqualTo("application/pdf");
        try (var pdf = Loader.loadPDF(notesOnly.content())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("SUD counseling notes (signed)")
                    .contains("Data: Grace reports a calm week")
                    .contains("Plan: Practise one positive request")
                    .contains("42 CFR part 2 prohibits unauthorized use or disclosure of these records.")
                    .as("the counseling-notes consent covers them only")
                    .doesNotContain("In the program");
        }

        Consents.Export bySupervisor =
                RunAs.user(supervisor, Set.of("supervisor"), () -> consents.disclose(full.id(), Disclosure.Format.PDF));
        List<DisclosureView> accounting = asAna(() -> consents.accountingOf(grace));
        assertThat(accounting)
                .extracting(DisclosureView::id)
                .as("newest first")
                .containsExactly(bySupervisor.disclosureId(), notesOnly.disclosureId(), record.disclosureId());
        assertThat(accounting.get(2).contentSha256())
                .as("the ledger keeps the hash of exactly what was sent")
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(record.content())));
        assertThat(accounting.get(0).disclosedBy()).isEqualTo(supervisor);
        assertThat(accounting.get(1).scope()).isEqualTo(DisclosureScope.COUNSELING_NOTES);

        asAna(() -> consents.revoke(full.id(), today, full.version()));
        Invalid revoked =
                assertThrows(Invalid.class, () -> asAna(() -> consents.disclose(full.id(), Disclosure.Format.PDF)));
        assertThat(revoked.getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("consent.disclose.revoked");
        assertThat(asAna(() -> consents.ofFamily(family.id())))
                .as("the revoked consent stays in the history")
                .extracting(ConsentView::id, ConsentView::active, ConsentView::revokedOn)
                .containsExactly(Tuple.tuple(counseling.id(), true, null), Tuple.tuple(full.id(), false, today));
        assertThat(sql().query(
                                "select action, outcome from audit_entry where family_id = cast(? as bigint)"
                                        + " and action = 'DISCLOSE_RECORD' order by seq",
                                Long.toString(family.id())))
                .containsExactly(
                        List.of("DISCLOSE_RECORD", "ALLOWED"),
                        List.of("DISCLOSE_RECORD", "ALLOWED"),
                        List.of("DISCLOSE_RECORD", "ALLOWED"),
                        List.of("DISCLOSE_RECORD", "DENIED"));
    }

    @Test
    void aConsentIsCheckedAsRecordedAndTheDatabaseKeepsConsentsAndTheLedger() {
        Invalid wrong = assertThrows(
                Invalid.class,
                () -> asAna(() -> consents.record(
                        family.id(),
                        new NewConsent(
                                grace,
                                "Dr. Lima",
                                null,
                                "care",
                                DisclosureScope.SUMMARY,
                                today.plusDays(1),
                                today.plusDays(1),
                                today))));
        assertThat(wrong.getReasons())
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("consent.signedOn.future", "consent.expiresOn.beforeStart");

        long otherMember = Long.parseLong(sql().query(
                        "select m.id from family_member m where m.family_id <> cast(? as bigint) limit 1",
                        Long.toString(family.id()))
                .get(0)
                .get(0));
        assertThat(assertThrows(
                                Invalid.class,
                                () -> asAna(() -> consents.record(
                                        family.id(),
                                        new NewConsent(
                                                otherMember,
                                                "Dr. Lima",
                                                null,
                                                "care",
                                                DisclosureScope.SUMMARY,
                                                today,
                                                today,
                                                today.plusDays(30)))))
                        .getReasons())
                .as("the form lists only this family's members; the service refuses another family's too")
                .extracting(Invalid.Reason::messageKey)
                .containsExactly("consent.member.notOfFamily");

        ConsentView consent = asAna(() -> consents.record(family.id(), consent(DisclosureScope.ATTENDANCE)));
        asAna(() -> consents.disclose(consent.id(), Disclosure.Format.JSON));
        assertThat(sql().refusal("delete from consent where id = " + consent.id()))
                .contains("revoke one instead");
        assertThat(sql().refusal("update consent set scope = 'FULL_RECORD' where id = " + consent.id()))
                .contains("only revoked, once");
        assertThat(sql().refusal("update disclosure set recipient_name = 'x' where consent_id = " + consent.id()))
                .contains("append-only");
        assertThat(sql().refusal("delete from disclosure where consent_id = " + consent.id()))
                .contains("append-only");
    }

    @Test
    void onlyTheFamilysCounselorsRecordAndTheyAndTheProgramsSupervisorsDiscloseNobodyElse() {
        ConsentView consent = asAna(() -> consents.record(family.id(), consent(DisclosureScope.SUMMARY)));

        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        ben,
                        Set.of("counselor"),
                        () -> consents.record(family.id(), consent(DisclosureScope.SUMMARY))));
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        ben, Set.of("counselor"), () -> consents.disclose(consent.id(), Disclosure.Format.PDF)));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(
                        supervisor,
                        Set.of("supervisor"),
                        () -> consents.record(family.id(), consent(DisclosureScope.SUMMARY))));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(desk, Set.of("front-desk"), () -> consents.ofFamily(family.id())));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user(
                        "admin-" + ana, Set.of("admin"), () -> consents.disclose(consent.id(), Disclosure.Format.PDF)));
        assertThat(RunAs.user(supervisor, Set.of("supervisor"), () -> consents.ofFamily(family.id())))
                .hasSize(1);
        assertThat(sql().query(
                                "select count(*) from audit_entry where username = ? and outcome = 'DENIED'"
                                        + " and family_id = cast(? as bigint)",
                                ben,
                                Long.toString(family.id())))
                .as("Ben's refusals are audited on the family")
                .isEqualTo(List.of(List.of("2")));
    }

    @Test
    void aDisclosureUnderOneMembersConsentNamesNoOtherMemberAndLeavesOutTheirSessions() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long programId = Long.parseLong(
                sql().query("select program_id from family where id = cast(? as bigint)", Long.toString(family.id()))
                        .get(0)
                        .get(0));
        FamilyContact delgados = RunAs.user(
                desk,
                Set.of("front-desk"),
                () -> registry.register(new NewFamily(
                        "Delgado " + suffix,
                        programId,
                        "en",
                        ReferralSource.SELF,
                        null,
                        List.of(
                                new NewFamilyMember(
                                        "Rosa Delgado",
                                        null,
                                        50,
                                        Relationship.PARENT,
                                        null,
                                        null,
                                        "en",
                                        false,
                                        false,
                                        true),
                                new NewFamilyMember(
                                        "Tomás Delgado",
                                        null,
                                        52,
                                        Relationship.PARENT,
                                        null,
                                        null,
                                        "en",
                                        false,
                                        false,
                                        true),
                                new NewFamilyMember(
                                        "Inés Vidal",
                                        null,
                                        24,
                                        Relationship.SIBLING,
                                        null,
                                        null,
                                        "en",
                                        false,
                                        false,
                                        true)))));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(delgados.id(), ana, null));
        List<List<String>> ids = sql().query(
                        "select id from family_member where family_id = cast(? as bigint) order by position",
                        Long.toString(delgados.id()));
        long rosa = Long.parseLong(ids.get(0).get(0));
        long tomas = Long.parseLong(ids.get(1).get(0));
        long ines = Long.parseLong(ids.get(2).get(0));
        signedSession(
                delgados.id(),
                5,
                List.of(rosa, tomas),
                "<p>Rosa spoke of <b>TOMAS</b>'s drinking; Inés called twice.</p>",
                "<p>Tomás Delgado is not ready; rosa is.</p>",
                "<p>Rosa to practise a request with tomás.</p>",
                List.of(
                        new NoteContent.Ruler(rosa, 6, 5, 4, StageOfChange.PREPARATION),
                        new NoteContent.Ruler(tomas, 9, 9, 9, StageOfChange.CONTEMPLATION)));
        signedSession(
                delgados.id(),
                4,
                List.of(tomas, ines),
                "<p>Kept between the two of them.</p>",
                "<p>Kept between the two of them.</p>",
                "<p>Kept between the two of them.</p>",
                List.of());
        NewConsent terms = new NewConsent(
                rosa,
                "Dr. Lima",
                "Riverside Treatment Center",
                "coordinate care for Rosa",
                DisclosureScope.COUNSELING_NOTES,
                today.minusDays(3),
                today.minusDays(3),
                today.plusMonths(6));
        ConsentView notesConsent = asAna(() -> consents.record(delgados.id(), terms));
        ConsentView fullConsent = asAna(() -> consents.record(
                delgados.id(),
                new NewConsent(
                        rosa,
                        terms.recipientName(),
                        terms.recipientOrganisation(),
                        terms.purpose(),
                        DisclosureScope.FULL_RECORD,
                        terms.signedOn(),
                        terms.startsOn(),
                        terms.expiresOn())));

        List<String> exports = new ArrayList<>();
        for (ConsentView consent : List.of(notesConsent, fullConsent)) {
            exports.add(new String(
                    asAna(() -> consents.disclose(consent.id(), Disclosure.Format.JSON))
                            .content(),
                    StandardCharsets.UTF_8));
            try (var pdf = Loader.loadPDF(asAna(() -> consents.disclose(consent.id(), Disclosure.Format.PDF))
                    .content())) {
                exports.add(new PDFTextStripper().getText(pdf));
            }
        }
        for (String export : exports) {
            assertThat(export).contains("Rosa Delgado");
            for (String name : List.of("Tomás", "Tomas", "Inés", "Ines", "Vidal")) {
                // as a word: "Ines" is inside the JSON's "lines"
                assertThat(export)
                        .as(name)
                        .doesNotContainPattern("(?iu)(?<![\\p{L}])" + Pattern.quote(name) + "(?![\\p{L}])");
            }
            assertThat(export)
                    .as("the session Rosa did not attend, and Tomás's rulers")
                    .doesNotContain("Kept between")
                    .doesNotContain("importance 9");
        }
        assertThat(exports.get(0))
                .as(
                        "the family's sessions, members and notes: %s",
                        sql().query(
                                                "select a.id, a.starts_at, string_agg(m.family_member_id::text, ','), n.status, n.family_id"
                                                        + " from appointment a left join appointment_member m on m.appointment_id = a.id"
                                                        + " left join session_note n on n.appointment_id = a.id"
                                                        + " where a.family_id = cast(? as bigint) group by a.id, a.starts_at, n.status, n.family_id",
                                                Long.toString(delgados.id()))
                                + " rosa " + rosa)
                .contains("Rosa spoke of [another family member]'s drinking; [another family member] called twice.")
                .contains("[another family member] is not ready; rosa is.");
        assertThat(exports.get(2))
                .contains("importance 6, confidence 5, readiness 4")
                .as("one session of Rosa's listed, not the one she did not attend")
                .containsOnlyOnce("craft session with");
    }

    /** A completed session {@code daysAgo} with these members, and its note signed by Ana. */
    private void signedSession(
            long familyId,
            int daysAgo,
            List<Long> members,
            String data,
            String assessment,
            String plan,
            List<NoteContent.Ruler> rulers) {
        sql().update(
                        "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status,"
                                + " booked_by, booked_at) select cast(? as bigint), 'CRAFT_SESSION', s.id, true,"
                                + " now() - cast(? as interval), now() - cast(? as interval) + interval '1 hour',"
                                + " 'COMPLETED', 'test', now() from staff_member s where s.username = ?",
                        Long.toString(familyId),
                        daysAgo + " days",
                        daysAgo + " days",
                        ana);
        long session = Long.parseLong(sql().query(
                        "select max(id) from appointment where family_id = cast(? as bigint)", Long.toString(familyId))
                .get(0)
                .get(0));
        for (long member : members) {
            sql().update(
                            "insert into appointment_member (appointment_id, family_member_id) values (cast(? as"
                                    + " bigint), cast(? as bigint))",
                            Long.toString(session),
                            Long.toString(member));
        }
        NoteView draft = asAna(() -> notes.open(session));
        NoteView filled = asAna(() -> notes.saveDraft(
                draft.id(),
                new NoteContent(
                        data,
                        assessment,
                        plan,
                        null,
                        false,
                        false,
                        false,
                        false,
                        List.of(),
                        null,
                        null,
                        rulers,
                        List.of(),
                        Set.of(),
                        null,
                        null,
                        false,
                        null,
                        null,
                        Set.of()),
                draft.version()));
        asAna(() -> notes.sign(filled.id(), filled.version()));
    }

    private NewConsent consent(DisclosureScope scope) {
        return new NewConsent(
                grace,
                "Dr. Lima",
                "Riverside Treatment Center",
                "coordinate care for Grace",
                scope,
                today.minusDays(3),
                today.minusDays(3),
                today.plusMonths(6));
    }

    private <T> T asAna(Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
