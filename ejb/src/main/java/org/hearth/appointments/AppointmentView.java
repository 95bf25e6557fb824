package org.hearth.appointments;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import org.hearth.calendar.Times;
import org.hearth.time.ClinicTime;

/** A family session as a page or the API shows it, with its local date and times in the clinic's zone. */
public record AppointmentView(
        long id,
        long familyId,
        String caseNumber,
        String familyName,
        AppointmentKind kind,
        AppointmentStatus status,
        String counselorUsername,
        String counselorName,
        Long roomId,
        String roomName,
        boolean telehealth,
        Instant startsAt,
        Instant endsAt,
        LocalDate date,
        String startTime,
        String endTime,
        List<Member> members,
        String cancelReason,
        long version)
        implements Serializable {

    public AppointmentView {
        members = List.copyOf(members);
    }

    /** An attending family member. */
    public record Member(long id, String fullName) implements Serializable {}

    static AppointmentView of(Appointment a) {
        ZonedDateTime start = a.getStartsAt().atZone(ClinicTime.zone());
        return new AppointmentView(
                a.getId(),
                a.getFamily().getId(),
                a.getFamily().getCaseNumber().toString(),
                a.getFamily().getName(),
                a.getKind(),
                a.getStatus(),
                a.getCounselor().getUsername(),
                a.getCounselor().getDisplayName(),
                a.getRoom() == null ? null : a.getRoom().getId(),
                a.getRoom() == null ? null : a.getRoom().getName(),
                a.isTelehealth(),
                a.getStartsAt(),
                a.getEndsAt(),
                start.toLocalDate(),
                Times.time(a.getStartsAt()),
                Times.time(a.getEndsAt()),
                a.getMembers().stream()
                        .sorted(Comparator.comparing(m -> m.getId()))
                        .map(m -> new Member(m.getId(), m.getFullName()))
                        .toList(),
                a.getCancelReason(),
                a.getVersion());
    }
}
