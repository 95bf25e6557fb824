package org.hearth.groups;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.appointments.AppointmentKind;
import org.hearth.appointments.AppointmentView;
import org.hearth.appointments.Appointments;
import org.hearth.appointments.NewAppointment;
import org.hearth.family.FamilyContact;
import org.hearth.family.FamilyRegistry;
import org.hearth.family.NewFamily;
import org.hearth.family.NewFamilyMember;
import org.hearth.family.ReferralSource;
import org.hearth.family.Relationship;
import org.hearth.messages.MessageStatus;
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
 * Waitlist seats offered with a deadline, in the real server and database: a freed seat offered to the first on the
 * waitlist with a message written in the same transaction (or none, for a member who may not be messaged: the front
 * desk phones them), "Take the seat" and "No thanks" answered once, and an offer past its deadline passed on once,
 * even when two servers look for it at the same moment.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class SeatOffersIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(SeatOffersIT.class);
    }

    @Inject
    private GroupDefinitions groupDefinitions;

    @Inject
    private GroupEnrollments groupEnrollments;

    @Inject
    private SeatOffers seatOffers;

    @Inject
    private Appointments appointments;

    @Inject
    private FamilyRegistry registry;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource dataSource;

    @Resource(lookup = "java:jboss/UserTransaction")
    private UserTransaction transaction;

    private String suffix;
    private long programId;
    private String ana;
    private String ben;
    private String desk;
    private long groupRoom;
    private long familyRoom;
    private FamilyContact okafor;
    /** Grace, seated; Ada and Paul (both may be messaged), then Chidi (no email), waiting in that order. */
    private List<Long> members;

    private LocalDate wednesday;
    private long groupId;
    private EnrollmentView grace;

    @BeforeEach
    void aFullGroupOfOneSeatWithThreeWaiting() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String program = "Offers " + suffix;
        TestData data = new TestData(sql());
        programId = data.program(program);
        ana = data.staff("ana-" + suffix, "counselor", program);
        ben = data.staff("ben-" + suffix, "counselor", program);
        desk = data.staff("desk-" + suffix, "front-desk");
        groupRoom = room("Offers room " + suffix);
        familyRoom = room("Offers family room " + suffix);
        okafor = asDesk(() -> registry.register(new NewFamily(
                "Okafor",
                programId,
                "en",
                ReferralSource.SELF,
                null,
                List.of(
                        member("Grace Okafor", "grace-" + suffix + "@example.org", "en"),
                        member("Ada Okafor", "ada-" + suffix + "@example.org", "es"),
                        member("Paul Okafor", "paul-" + suffix + "@example.org", "en"),
                        member("Chidi Okafor", null, "en")))));
        members = sql()
                .query(
                        "select id from family_member where family_id = cast(? as bigint) order by id",
                        Long.toString(okafor.id()))
                .stream()
                .map(row -> Long.parseLong(row.get(0)))
                .toList();
        wednesday = LocalDate.now(ClinicTime.zone()).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        groupId = asDesk(() -> groupDefinitions.define(new NewSupportGroup(
                        "Partners " + suffix,
                        GroupKind.CRAFT_SKILLS,
                        "en",
                        programId,
                        groupRoom,
                        1,
                        true,
                        List.of(ana),
                        GroupRecurrence.weekly(
                                        wednesday, LocalTime.of(18, 0), Duration.ofMinutes(90), ClinicTime.zone())
                                .times(3))))
                .group()
                .id();
        grace = asDesk(() -> groupEnrollments.enroll(groupId, members.get(0)));
        for (int waiting = 1; waiting <= 3; waiting++) {
            long member = members.get(waiting);
            assertThat(asDesk(() -> groupEnrollments.enroll(groupId, member)).status())
                    .isEqualTo(EnrollmentStatus.WAITLISTED);
        }
    }

    @Test
    void aFreedSeatIsOfferedToTheFirstWaitingWithADeadlineAndAMessageWrittenWithIt() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SeatChange change = asDesk(() -> groupEnrollments.leave(grace.id(), grace.version()));

        EnrollmentView ada = change.offered();
        assertThat(ada.memberName()).isEqualTo("Ada Okafor");
        assertThat(ada.status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(ada.offeredAt()).isBetween(before, Instant.now());
        assertThat(Duration.between(ada.offeredAt(), ada.offerExpiresAt()))
                .as("HEARTH_SEAT_OFFER_HOURS unset: 48 hours")
                .isEqualTo(Duration.ofHours(48));
        assertThat(offerMessages(ada.id()))
                .containsExactly(List.of(
                        "SEAT_OFFER",
                        Long.toString(members.get(1)),
                        Long.toString(okafor.id()),
                        Long.toString(ada.offerExpiresAt().toEpochMilli())));
        assertThat(row(ada.id()))
                .as("the waitlist as the group page reads it")
                .extracting(EnrollmentView::status, EnrollmentView::offerExpiresAt)
                .containsExactly(EnrollmentStatus.OFFERED, ada.offerExpiresAt());
        assertThat(row(ada.id()).offerMessage())
                .as("the worker may have sent it already")
                .isIn(MessageStatus.PENDING, MessageStatus.SENT);
        assertThat(audited("OFFER_GROUP_SEAT", ada.id())).isEqualTo(1);
    }

    @Test
    void noThanksPassesTheSeatToTheNextAndAUsedAnswerChangesNothingTheSecondTime() throws Exception {
        EnrollmentView ada = asDesk(() -> groupEnrollments.leave(grace.id(), grace.version()))
                .offered();

        assertThat(inTransaction(() -> seatOffers.decline(ada.id(), Instant.now())))
                .isEqualTo("seat-declined");
        EnrollmentView adaAfter = row(ada.id());
        assertThat(adaAfter.status()).isEqualTo(EnrollmentStatus.LEFT);
        assertThat(adaAfter.leftReason()).isEqualTo(LeaveReason.DECLINED_OFFER);
        assertThat(adaAfter.offerMessage())
                .as("her offer's message not sent now (unless the worker sent it before she answered)")
                .isNotEqualTo(MessageStatus.PENDING);
        EnrollmentView paul = offeredNow();
        assertThat(paul.memberName()).as("the next on the waitlist").isEqualTo("Paul Okafor");
        assertThat(paul.offerMessage()).isIn(MessageStatus.PENDING, MessageStatus.SENT);
        assertThat(audited("DECLINE_GROUP_SEAT_BY_LINK", ada.id())).isEqualTo(1);

        assertThat(inTransaction(() -> seatOffers.decline(ada.id(), Instant.now())))
                .isEqualTo("seat-no-longer-offered");
        assertThat(inTransaction(() -> seatOffers.take(ada.id(), Instant.now())))
                .isEqualTo("seat-no-longer-offered");
        assertThat(row(ada.id()).version()).as("Ada's record untouched").isEqualTo(adaAfter.version());
        assertThat(offeredNow().id()).isEqualTo(paul.id());
        assertThat(offerMessages(paul.id())).hasSize(1);

        // Paul declines too: Chidi, who has no email, is offered the seat without a message
        assertThat(inTransaction(() -> seatOffers.decline(paul.id(), Instant.now())))
                .isEqualTo("seat-declined");
        EnrollmentView chidi = offeredNow();
        assertThat(chidi.memberName()).isEqualTo("Chidi Okafor");
        assertThat(chidi.offerMessage())
                .as("no email: the front desk phones him")
                .isNull();
        assertThat(offerMessages(chidi.id())).isEmpty();
    }

    @Test
    void takeTheSeatEnrollsOnceAndALateOrClashingAnswerChangesNothing() throws Exception {
        EnrollmentView ada = asDesk(() -> groupEnrollments.leave(grace.id(), grace.version()))
                .offered();

        assertThat(inTransaction(() -> seatOffers.take(ada.id(), ada.offerExpiresAt())))
                .as("at the deadline")
                .isEqualTo("seat-offer-expired");
        assertThat(row(ada.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);

        // a family session at the group's second meeting: she is asked to call the clinic
        AppointmentView session = asDesk(() -> appointments.book(new NewAppointment(
                okafor.id(),
                AppointmentKind.FAMILY_THERAPY,
                List.of(members.get(1)),
                ben,
                familyRoom,
                false,
                wednesday.plusWeeks(1).atTime(18, 30),
                60)));
        assertThat(inTransaction(() -> seatOffers.take(ada.id(), Instant.now())))
                .isEqualTo("seat-clash");
        assertThat(row(ada.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(row(ada.id()).offerMessage()).isIn(MessageStatus.PENDING, MessageStatus.SENT);

        asDesk(() -> appointments.cancel(session.id(), true, "the family moved it", session.version()));
        assertThat(inTransaction(() -> seatOffers.take(ada.id(), Instant.now())))
                .isEqualTo("seat-taken");
        EnrollmentView seated = row(ada.id());
        assertThat(seated.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(seated.offerMessage()).isNotEqualTo(MessageStatus.PENDING);
        assertThat(audited("TAKE_GROUP_SEAT_BY_LINK", ada.id())).isEqualTo(1);

        assertThat(inTransaction(() -> seatOffers.take(ada.id(), Instant.now())))
                .isEqualTo("seat-no-longer-offered");
        assertThat(row(ada.id()).version()).isEqualTo(seated.version());
        assertThat(audited("TAKE_GROUP_SEAT_BY_LINK", ada.id())).isEqualTo(1);
    }

    @Test
    void anOfferPastItsDeadlinePassesOnOnceEvenWhenTwoServersLookForItAtOnce() throws Exception {
        EnrollmentView ada = asDesk(() -> groupEnrollments.leave(grace.id(), grace.version()))
                .offered();
        assertThat(seatOffers.expireDue()).as("before its deadline").isZero();
        assertThat(row(ada.id()).status()).isEqualTo(EnrollmentStatus.OFFERED);

        sql().update(
                        "update group_enrollment set offered_at = offered_at - interval '49 hours',"
                                + " offer_expires_at = offer_expires_at - interval '49 hours' where id = cast(? as bigint)",
                        Long.toString(ada.id()));
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> expiry = () -> {
                start.await();
                return seatOffers.expireDue();
            };
            Future<Integer> one = servers.submit(expiry);
            Future<Integer> two = servers.submit(expiry);
            start.countDown();
            one.get(60, TimeUnit.SECONDS);
            two.get(60, TimeUnit.SECONDS);
        } finally {
            servers.shutdownNow();
        }
        // the server's own timer may have ended it first: what counts is that it ended once

        EnrollmentView adaAfter = row(ada.id());
        assertThat(adaAfter.status()).isEqualTo(EnrollmentStatus.LEFT);
        assertThat(adaAfter.leftReason()).isEqualTo(LeaveReason.OFFER_EXPIRED);
        assertThat(adaAfter.offerMessage()).isNotEqualTo(MessageStatus.PENDING);
        assertThat(audited("EXPIRE_GROUP_SEAT_OFFER", ada.id())).isEqualTo(1);
        EnrollmentView paul = offeredNow();
        assertThat(paul.memberName()).isEqualTo("Paul Okafor");
        assertThat(paul.offerExpiresAt()).isAfter(Instant.now().plus(Duration.ofHours(47)));
        assertThat(offerMessages(paul.id())).hasSize(1);
        assertThat(audited("OFFER_GROUP_SEAT", paul.id())).isEqualTo(1);
        assertThat(asDesk(() -> groupEnrollments.enrollments(groupId)))
                .filteredOn(e -> e.status() == EnrollmentStatus.OFFERED)
                .hasSize(1);

        seatOffers.expireDue();
        assertThat(offeredNow().id()).as("a second run changes nothing").isEqualTo(paul.id());
        assertThat(audited("EXPIRE_GROUP_SEAT_OFFER", ada.id())).isEqualTo(1);

        // the front desk can enroll Ada again: she waits behind Chidi
        EnrollmentView again = asDesk(() -> groupEnrollments.enroll(groupId, members.get(1)));
        assertThat(again.status()).isEqualTo(EnrollmentStatus.WAITLISTED);
    }

    /** The member's enrollment as the group page reads it. */
    private EnrollmentView row(long enrollmentId) {
        return asDesk(() -> groupEnrollments.enrollments(groupId)).stream()
                .filter(e -> e.id() == enrollmentId)
                .findFirst()
                .orElseThrow();
    }

    private EnrollmentView offeredNow() {
        return asDesk(() -> groupEnrollments.enrollments(groupId)).stream()
                .filter(e -> e.status() == EnrollmentStatus.OFFERED)
                .findFirst()
                .orElseThrow();
    }

    /** The seat offer's messages for the enrollment: kind, member, family, about (epoch millis). */
    private List<List<String>> offerMessages(long enrollmentId) {
        return sql().query(
                        "select kind, member_id, family_id,"
                                + " cast(floor(extract(epoch from about_at) * 1000) as bigint)"
                                + " from outbox_message where subject_type = 'Enrollment'"
                                + " and subject_id = cast(? as bigint) order by id",
                        Long.toString(enrollmentId));
    }

    private int audited(String action, long enrollmentId) {
        return Integer.parseInt(sql().query(
                        "select count(*) from audit_entry where action = ? and entity_type = 'Enrollment'"
                                + " and entity_id = ?",
                        action,
                        Long.toString(enrollmentId))
                .get(0)
                .get(0));
    }

    /** As the link page calls the answers: in a transaction of its own, without a signed-in user. */
    private <T> T inTransaction(Callable<T> answer) throws Exception {
        transaction.begin();
        try {
            T result = answer.call();
            transaction.commit();
            return result;
        } catch (Exception | Error e) {
            transaction.rollback();
            throw e;
        }
    }

    private NewFamilyMember member(String name, String email, String language) {
        return new NewFamilyMember(name, null, 45, Relationship.PARENT, null, email, language, false, true, true);
    }

    private long room(String name) {
        sql().update("insert into room (name, capacity) values (?, 12)", name);
        return Long.parseLong(
                sql().query("select id from room where name = ?", name).get(0).get(0));
    }

    private <T> T asDesk(Supplier<T> action) {
        return RunAs.user(desk, Set.of("front-desk"), action);
    }

    private Sql sql() {
        return new Sql(dataSource::getConnection);
    }
}
