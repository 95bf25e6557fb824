package org.hearth.appointments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A family session to book. {@code start} is the clinic's local time; {@code roomId} is null for a
 * telehealth session.
 */
public record NewAppointment(
        @NotNull(message = "{appointment.family.required}") Long familyId,
        @NotNull(message = "{appointment.kind.required}") AppointmentKind kind,
        @NotEmpty(message = "{appointment.members.required}") List<@NotNull Long> memberIds,
        @NotBlank(message = "{appointment.counselor.required}") String counselorUsername,
        Long roomId,
        boolean telehealth,
        @NotNull(message = "{appointment.start.required}") LocalDateTime start,
        @NotNull(message = "{appointment.minutes.required}")
                @Min(value = 15, message = "{appointment.minutes.range}")
                @Max(value = 240, message = "{appointment.minutes.range}")
                Integer minutes)
        implements Serializable {

    public NewAppointment {
        memberIds = memberIds == null ? null : List.copyOf(memberIds);
    }
}
