package org.hearth.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.family.CaseAssignments;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.security.Conflict;
import org.hearth.security.Invalid;
import org.hearth.security.NotFound;
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
 * Members' choices about messages in the real server and database: the "Stop these messages" link stopping every
 * message to the member and withdrawing their pending ones in the link's transaction; each member's line on the
 * record, saying why they are or are not messaged; staff stopping and starting messages at the member's word with
 * the version read; bad words named; who may do what, refusals audited, another family's member refused as unknown.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class MessageChoicesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(MessageChoicesIT.class);
    }

    @Inject
    private MessageChoices choices;

    @Inject
    private OptOutAnswer optOut;

    @Inject
    private Outbox outbox;

    @Inject
    private FamilyRegistry registry;

    @Inject
    private CaseAssignments assignments;

    @Inject
    private UserTransaction transaction;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    private String suffix;
    private String ana;
    private String ben;
    private String supervisor;
    private String otherSupervisor;
    private String desk;
    private long programId;
    private long family;
    private long grace;
    private long paul;
    private long rosa;
    private long tom;
    private LocalDate today;

    @BeforeEach
    void theOkaforsOfAnaWithFourMembers() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Choices " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        data.program("Other choices " + suffix);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        supervisor = data.staff("sup-" + suffix, "supervisor", program);
        otherSupervisor = data.staff("other-sup-" + suffix, "supervisor", "Other choices " + suffix);
        desk = data.staff("desk-" + suffix, "front-desk");
        today = LocalDate.now(ClinicTime.zone());
        family = familyOf(
                "Okafor",
                member("Grace Okafor", "grace-" + suffix + "@example.org", true, true),
                member("Paul Okafor", null, true, true),
                member("Rosa Okafor", "rosa-" + suffix + "@example.org", false, true),
                member("Tom Okafor", "tom-" + suffix + "@example.org", true, false));
        List<Long> members = membersOf(family);
        grace = members.get(0);
        paul = members.get(1);
        rosa = members.get(2);
        tom = members.get(3);
    }

    @Test
    void eachMemberSaysWhyTheyAreOrAreNotMessaged() {
        List<MessageChoiceView> read = asDesk(() -> choices.ofFamily(family));
        assertThat(read)
                .extracting(MessageChoiceView::memberName, MessageChoiceView::state, MessageChoiceView::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Grace Okafor", MessagesState.BY_EMAIL, 0L),
                        org.assertj.core.groups.Tuple.tuple("Paul Okafor", MessagesState.NO_EMAIL, 0L),
                        org.assertj.core.groups.Tuple.tuple("Rosa Okafor", MessagesState.NOT_SAFE_TO_MAIL, 0L),
                        org.assertj.core.groups.Tuple.tuple("Tom Okafor", MessagesState.NOT_TAKING_PART, 0L));
        assertThat(read).allSatisfy(c -> assertThat(c.changedBy()).isNull());
        assertThat(audited("READ_MESSAGE_CHOICES", desk)).isEqualTo(1);
    }

    @Test
    void theStopLinkStopsEveryMessageToTheMemberAndWithdrawsTheirPendingOnesAtOnce() throws Exception {
        long session = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        long first = pendingMessage(grace, session, 2880);
        long second = pendingMessage(grace, session, 120);
        long rosas = pendingMessage(rosa, session, 2880);
        long sentOne = pendingMessage(grace, session + 1, 2880);
        sql().update(
                        "update outbox_message set status = 'SENT', sent_at = now(), attempts = 1 where id = cast(? as bigint)",
                        Long.toString(sentOne));

        transaction.begin();
        try {
            OutboxMessage message = outbox.pending(OutboxMessage.APPOINTMENT, session).stream()
                    .filter(m -> m.getId() == first)
                    .findFirst()
                    .orElseThrow();
            assertThat(optOut.purposes()).containsExactly(LinkPurpose.OPT_OUT);
            assertThat(optOut.answer(LinkPurpose.OPT_OUT, message, Instant.now()))
                    .isEqualTo("opted-out");
            assertThat(outbox.mayMessage(message.getMember()))
                    .as("the rule every feature asks")
                    .isFalse();
            assertThat(outbox.write(
                            MessageKind.SESSION_REMINDER,
                            message.getMember(),
                            OutboxMessage.APPOINTMENT,
                            session + 2,
                            Instant.now().plus(3, ChronoUnit.DAYS),
                            2880,
                            Instant.now().plus(1, ChronoUnit.DAYS)))
                    .as("a new reminder to her is not written")
                    .isEmpty();
        } finally {
            transaction.commit();
        }

        assertThat(statusOf(first)).isEqualTo(List.of("WITHDRAWN", "the member stopped messages"));
        assertThat(statusOf(second)).isEqualTo(List.of("WITHDRAWN", "the member stopped messages"));
        assertThat(statusOf(sentOne)).as("what was sent stays sent").isEqualTo(List.of("SENT", ""));
        assertThat(statusOf(rosas)).as("another member's message is hers").isEqualTo(List.of("PENDING", ""));
        assertThat(sql().query(
                                "select opted_out, changed_by, coalesce(member_word, '') from message_choice where member_id = ?"
                                        + "::bigint",
                                Long.toString(grace)))
                .isEqualTo(List.of(List.of("t", "link", "")));
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'STOP_MESSAGES_BY_LINK' and entity_id = ?"
                                        + " and family_id = ?::bigint",
                                Long.toString(grace),
                                Long.toString(family)))
                .isEqualTo(List.of(List.of("1")));

        MessageChoiceView read = asDesk(() -> choices.of(family, grace));
        assertThat(read.state()).isEqualTo(MessagesState.STOPPED_BY_LINK);
        assertThat(read.optedOut()).isTrue();
        assertThat(read.changedOn()).isEqualTo(today);
        assertThat(read.changedBy()).isEqualTo("link");
        assertThat(read.version()).isEqualTo(1);
    }

    @Test
    void staffStopAndStartAMembersMessagesAtTheirWordWithTheVersionRead() {
        long session = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        long pending = pendingMessage(grace, session, 2880);

        MessageChoiceView stopped =
                asDesk(() -> choices.change(family, grace, true, "  Said at the desk on 7 Dec: no emails please ", 0L));
        assertThat(stopped.state()).isEqualTo(MessagesState.STOPPED_AT_WORD);
        assertThat(stopped.memberWord()).as("stripped").isEqualTo("Said at the desk on 7 Dec: no emails please");
        assertThat(stopped.changedBy()).isEqualTo(desk);
        assertThat(stopped.changedOn()).isEqualTo(today);
        assertThat(statusOf(pending)).isEqualTo(List.of("WITHDRAWN", "the member stopped messages"));

        Conflict stale = assertThrows(
                Conflict.class,
                () -> asAna(() -> choices.change(family, grace, false, "Said by phone she wants them again", 0L)));
        assertThat(stale.getSubject()).isEqualTo(Conflict.Subject.STALE);
        assertThat(stale.getRecord()).isEqualTo("message choice");

        MessageChoiceView started = asAna(() -> choices.change(
                family, grace, false, "Said by phone on 7 Dec she wants reminders again", stopped.version()));
        assertThat(started.state()).isEqualTo(MessagesState.BY_EMAIL);
        assertThat(started.optedOut()).isFalse();
        assertThat(started.changedBy()).isEqualTo(ana);
        assertThat(started.version()).isGreaterThan(stopped.version());
        assertThat(sql().query(
                                "select count(*) from audit_entry where action = 'CHANGE_MESSAGE_CHOICE' and entity_id = ?",
                                Long.toString(grace)))
                .isEqualTo(List.of(List.of("2")));

        MessageChoiceView bySupervisor = RunAs.user(
                supervisor,
                Set.of("supervisor"),
                () -> choices.change(family, paul, true, "Told his counselor he wants none", 0L));
        assertThat(bySupervisor.state())
                .as("a member without an email may still say he wants none: the choice stands if he gives one")
                .isEqualTo(MessagesState.STOPPED_AT_WORD);
    }

    @Test
    void aMissingShortOrLongWordIsNamedAndNothingChanges() {
        Invalid none = assertThrows(Invalid.class, () -> asDesk(() -> choices.change(family, grace, true, "  ", 0L)));
        assertThat(none.getReasons()).extracting(Invalid.Reason::field).containsExactly("memberWord");
        assertThat(none.getReasons().get(0).englishText()).startsWith("Write what the member said");
        Invalid shortWord =
                assertThrows(Invalid.class, () -> asDesk(() -> choices.change(family, grace, true, "no", 0L)));
        assertThat(shortWord.getReasons().get(0).englishText())
                .isEqualTo("Write the member's word in 5 to 500 characters.");
        assertThrows(Invalid.class, () -> asDesk(() -> choices.change(family, grace, true, "x".repeat(501), 0L)));
        Invalid noChoice = assertThrows(
                Invalid.class, () -> asDesk(() -> choices.change(family, grace, null, "Said something", 0L)));
        assertThat(noChoice.getReasons()).extracting(Invalid.Reason::field).containsExactly("optedOut");
        assertThat(sql().query("select count(*) from message_choice where member_id = ?::bigint", Long.toString(grace)))
                .isEqualTo(List.of(List.of("0")));
    }

    @Test
    void onlyThoseWhoKeepTheFamilysContactsReadAndChangeAndOthersAreRefusedAndAudited() {
        assertThrows(Refused.class, () -> RunAs.user(ben, Set.of("counselor"), () -> choices.ofFamily(family)));
        assertThrows(
                Refused.class,
                () -> RunAs.user(
                        ben, Set.of("counselor"), () -> choices.change(family, grace, true, "Said so today", 0L)));
        assertThrows(
                Refused.class,
                () -> RunAs.user(otherSupervisor, Set.of("supervisor"), () -> choices.of(family, grace)));
        assertThat(sql().query(
                                "select count(*) from audit_entry where outcome = 'DENIED' and family_id = ?::bigint"
                                        + " and username in (?, ?)",
                                Long.toString(family),
                                ben,
                                otherSupervisor))
                .as("each refusal in the audit trail, naming the family")
                .isEqualTo(List.of(List.of("3")));
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user("admin-" + suffix, Set.of("admin"), () -> choices.ofFamily(family)));
        assertThat(asAna(() -> choices.of(family, tom)).state()).isEqualTo(MessagesState.NOT_TAKING_PART);
        assertThat(RunAs.user(supervisor, Set.of("supervisor"), () -> choices.mayChange(family)))
                .isTrue();
        assertThat(RunAs.user(ben, Set.of("counselor"), () -> choices.mayChange(family)))
                .isFalse();

        // another family's member, through a family the caller may touch: refused as a member that does not exist
        long other = familyOf("Lima", member("Rui Lima", "rui-" + suffix + "@example.org", true, true));
        long rui = membersOf(other).get(0);
        NotFound foreign = assertThrows(NotFound.class, () -> asDesk(() -> choices.of(family, rui)));
        NotFound missing = assertThrows(NotFound.class, () -> asDesk(() -> choices.of(family, Long.MAX_VALUE)));
        assertThat(foreign.getMessage().replace(Long.toString(rui), "#"))
                .isEqualTo(missing.getMessage().replace(Long.toString(Long.MAX_VALUE), "#"));
        assertThrows(NotFound.class, () -> asDesk(() -> choices.change(family, rui, true, "Said so at the desk", 0L)));
        assertThat(sql().query("select count(*) from message_choice where member_id = ?::bigint", Long.toString(rui)))
                .isEqualTo(List.of(List.of("0")));
    }

    private long pendingMessage(long member, long subject, int lead) {
        return Long.parseLong(sql().query(
                        "insert into outbox_message (kind, status, family_id, member_id, subject_type, subject_id,"
                                + " about_at, lead_minutes, due_at, next_attempt_at, created_at)"
                                + " values ('SESSION_REMINDER', 'PENDING', ?::bigint, ?::bigint, 'Appointment',"
                                + " ?::bigint, now() + interval '3 days', ?::int,"
                                + " now() + interval '3 days' - make_interval(mins => ?::int),"
                                + " now() + interval '3 days' - make_interval(mins => ?::int), now()) returning id",
                        Long.toString(family),
                        Long.toString(member),
                        Long.toString(subject),
                        Integer.toString(lead),
                        Integer.toString(lead),
                        Integer.toString(lead))
                .get(0)
                .get(0));
    }

    private List<String> statusOf(long message) {
        return sql().query(
                        "select status, coalesce(closed_reason, '') from outbox_message where id = ?::bigint",
                        Long.toString(message))
                .get(0);
    }

    private long audited(String action, String user) {
        return Long.parseLong(sql().query(
                        "select count(*) from audit_entry where action = ? and username = ? and family_id = ?::bigint",
                        action,
                        user,
                        Long.toString(family))
                .get(0)
                .get(0));
    }

    private static NewFamilyMember member(String name, String email, boolean safeToMail, boolean participates) {
        return new NewFamilyMember(
                name, null, 45, Relationship.PARENT, null, email, "en", false, safeToMail, participates);
    }

    private long familyOf(String name, NewFamilyMember... members) {
        FamilyContact contact = asDesk(() -> registry.register(
                new NewFamily(name + " " + suffix, programId, "en", ReferralSource.SELF, null, List.of(members))));
        RunAs.user(supervisor, Set.of("supervisor"), () -> assignments.assignPrimary(contact.id(), ana, null));
        return contact.id();
    }

    private List<Long> membersOf(long familyId) {
        return sql()
                .query(
                        "select id from family_member where family_id = cast(? as bigint) order by id",
                        Long.toString(familyId))
                .stream()
                .map(row -> Long.parseLong(row.get(0)))
                .toList();
    }

    private <T> T asDesk(Supplier<T> action) {
        return RunAs.user(desk, Set.of("front-desk"), action);
    }

    private <T> T asAna(Supplier<T> action) {
        return RunAs.user(ana, Set.of("counselor"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
