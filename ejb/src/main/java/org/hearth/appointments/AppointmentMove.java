package org.hearth.appointments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moving a session: the new local start, its length, the room (null for telehealth), and the version read. */
public record AppointmentMove(
        @NotNull(message = "{appointment.start.required}") LocalDateTime start,
        @NotNull(message = "{appointment.minutes.required}")
                @Min(value = 15, message = "{appointment.minutes.range}")
                @Max(value = 240, message = "{appointment.minutes.range}")
                Integer minutes,
        Long roomId,
        boolean telehealth,
        @Schema(required = true, description = "The version read; a missing or older one is answered 409") Long version)
        implements Serializable {}
