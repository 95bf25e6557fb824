package org.hearth.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitlistTest {

    private static final Instant NOW = Instant.parse("2026-11-03T15:00:00Z");

    private final List<Enrollment> enrollments = new ArrayList<>();

    private Enrollment join(EnrollmentStatus status) {
        Enrollment enrollment = new Enrollment(null, null, status, new Waitlist(enrollments, 40).nextPosition(), NOW);
        enrollments.add(enrollment);
        return enrollment;
    }

    @Test
    void newcomersAreEnrolledWhileASeatIsFreeAndWaitlistedOnceTheGroupIsFull() {
        join(EnrollmentStatus.ENROLLED);
        assertThat(new Waitlist(enrollments, 2).statusForNewcomer()).isEqualTo(EnrollmentStatus.ENROLLED);
        join(EnrollmentStatus.ENROLLED);
        assertThat(new Waitlist(enrollments, 2).statusForNewcomer()).isEqualTo(EnrollmentStatus.WAITLISTED);
    }

    @Test
    void aSeatOfferedIsHeldSoTheNextNewcomerWaits() {
        join(EnrollmentStatus.ENROLLED);
        join(EnrollmentStatus.WAITLISTED).offerSeat(NOW, NOW.plus(Duration.ofHours(48)));

        Waitlist seats = new Waitlist(enrollments, 2);
        assertThat(seats.seatsTaken()).isEqualTo(2);
        assertThat(seats.statusForNewcomer()).isEqualTo(EnrollmentStatus.WAITLISTED);
        assertThat(seats.nextToOffer()).isEmpty();
    }

    @Test
    void theFirstToWaitIsOfferedAFreedSeatAndNewcomersQueueBehindEveryone() {
        Enrollment leaving = join(EnrollmentStatus.ENROLLED);
        Enrollment first = join(EnrollmentStatus.WAITLISTED);
        Enrollment second = join(EnrollmentStatus.WAITLISTED);
        assertThat(new Waitlist(enrollments, 1).nextToOffer()).isEmpty();

        leaving.leave(NOW, LeaveReason.LEFT);
        Waitlist seats = new Waitlist(enrollments, 1);
        assertThat(seats.waiting()).containsExactly(first, second);
        assertThat(seats.nextToOffer()).contains(first);
        assertThat(seats.nextPosition()).as("after the one who left, too").isEqualTo(4);
    }

    @Test
    void theWaitlistIsServedByPositionWhateverOrderTheRowsComeIn() {
        Enrollment early = new Enrollment(null, null, EnrollmentStatus.WAITLISTED, 3, NOW);
        Enrollment late = new Enrollment(null, null, EnrollmentStatus.WAITLISTED, 7, NOW);
        Enrollment seated = new Enrollment(null, null, EnrollmentStatus.ENROLLED, 1, NOW);

        Waitlist seats = new Waitlist(List.of(late, seated, early), 2);
        assertThat(seats.waiting()).containsExactly(early, late);
        assertThat(seats.nextToOffer()).contains(early);
    }

    @Test
    void anOfferHoldsItsSeatUntilItsDeadlineAndOnlyAnOfferCanBeDeclinedOrLetPass() {
        join(EnrollmentStatus.ENROLLED);
        Enrollment offered = join(EnrollmentStatus.WAITLISTED);
        Enrollment next = join(EnrollmentStatus.WAITLISTED);
        Instant deadline = NOW.plus(Duration.ofHours(48));
        offered.offerSeat(NOW, deadline);

        assertThat(offered.getOfferedAt()).isEqualTo(NOW);
        assertThat(offered.getOfferExpiresAt()).isEqualTo(deadline);
        assertThat(offered.offerExpiredAt(deadline.minusSeconds(1))).isFalse();
        assertThat(offered.offerExpiredAt(deadline)).isTrue();
        assertThat(next.offerExpiredAt(deadline.plusSeconds(3600)))
                .as("not offered")
                .isFalse();
        assertThatThrownBy(() -> next.leave(NOW, LeaveReason.OFFER_EXPIRED)).isInstanceOf(IllegalStateException.class);

        offered.leave(deadline, LeaveReason.OFFER_EXPIRED);
        assertThat(offered.getLeftReason()).isEqualTo(LeaveReason.OFFER_EXPIRED);
        assertThat(offered.offerExpiredAt(deadline.plusSeconds(60))).as("ended").isFalse();
        assertThat(new Waitlist(enrollments, 2).nextToOffer()).contains(next);
    }

    @Test
    void anOfferWithoutTimeToAnswerIsRefused() {
        Enrollment waiting = join(EnrollmentStatus.WAITLISTED);
        assertThatThrownBy(() -> waiting.offerSeat(NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
