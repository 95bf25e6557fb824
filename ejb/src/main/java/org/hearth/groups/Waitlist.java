package org.hearth.groups;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A group's seats and its waitlist, from its enrollments: an enrolled member or one offered a freed seat
 * takes a seat; the others wait in the order they asked to join ({@code position}, then the order their
 * enrollments were saved). The service locks the group's row before reading them, so two requests for the
 * last seat see each other.
 */
final class Waitlist {

    private static final Comparator<Enrollment> IN_ORDER = Comparator.comparingInt(Enrollment::getPosition)
            .thenComparing(Enrollment::getId, Comparator.nullsLast(Comparator.naturalOrder()));

    private final List<Enrollment> enrollments;
    private final int capacity;

    Waitlist(Collection<Enrollment> enrollments, int capacity) {
        this.enrollments = List.copyOf(enrollments);
        this.capacity = capacity;
    }

    long seatsTaken() {
        return enrollments.stream().filter(Enrollment::holdsSeat).count();
    }

    boolean hasFreeSeat() {
        return seatsTaken() < capacity;
    }

    /** A newcomer is enrolled while a seat is free, and waitlisted once the group is full. */
    EnrollmentStatus statusForNewcomer() {
        return hasFreeSeat() ? EnrollmentStatus.ENROLLED : EnrollmentStatus.WAITLISTED;
    }

    /** The position after everyone who ever joined, so a newcomer waits behind all who wait now. */
    int nextPosition() {
        return enrollments.stream().mapToInt(Enrollment::getPosition).max().orElse(0) + 1;
    }

    /** Who waits, first to be offered a seat first. */
    List<Enrollment> waiting() {
        return enrollments.stream()
                .filter(e -> e.getStatus() == EnrollmentStatus.WAITLISTED)
                .sorted(IN_ORDER)
                .toList();
    }

    /** The one to offer a freed seat to, when a seat is free and someone waits. */
    Optional<Enrollment> nextToOffer() {
        return hasFreeSeat() ? waiting().stream().findFirst() : Optional.empty();
    }
}
