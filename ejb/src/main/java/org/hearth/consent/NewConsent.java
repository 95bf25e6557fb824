package org.hearth.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A consent as the counselor records it from the signed form. */
public record NewConsent(
        @NotNull(message = "{consent.member.required}") Long memberId,
        @NotBlank(message = "{consent.recipient.required}") @Size(max = 200, message = "{consent.recipient.length}")
                String recipientName,
        @Size(max = 200, message = "{consent.organisation.length}") String recipientOrganisation,
        @NotBlank(message = "{consent.purpose.required}") @Size(max = 500, message = "{consent.purpose.length}")
                String purpose,
        @NotNull(message = "{consent.scope.required}") DisclosureScope scope,
        @NotNull(message = "{consent.signedOn.required}") LocalDate signedOn,
        @NotNull(message = "{consent.startsOn.required}") LocalDate startsOn,
        @NotNull(message = "{consent.expiresOn.required}") LocalDate expiresOn) {}
