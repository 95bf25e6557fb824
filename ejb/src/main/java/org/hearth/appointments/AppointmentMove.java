package org.hearth.appointments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDateTime;

/** Moving a session: the new local start, its length, the room (null for telehealth), and the version read. */
public record AppointmentMove(
        @NotNull(message = "{appointment.start.required}") LocalDateTime start,
        @NotNull(message = "{appointment.minutes.required}")
                @Min(value = 15, message = "{appointment.minutes.range}")
                @Max(value = 240, message = "{appointment.minutes.range}")
                Integer minutes,
        Long roomId,
        boolean telehealth,
        Long version)
        implements Serializable {}
