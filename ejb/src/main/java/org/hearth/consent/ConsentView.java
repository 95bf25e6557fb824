package org.hearth.consent;

import java.io.Serializable;
import java.time.LocalDate;

/** A consent as the family record lists it, with whether it is in force today and the version a revocation names. */
public record ConsentView(
        long id,
        long memberId,
        String memberName,
        String recipientName,
        String recipientOrganisation,
        String purpose,
        DisclosureScope scope,
        LocalDate signedOn,
        LocalDate startsOn,
        LocalDate expiresOn,
        String recordedBy,
        LocalDate revokedOn,
        String revokedBy,
        boolean active,
        long version)
        implements Serializable {

    static ConsentView of(Consent c, LocalDate today) {
        return new ConsentView(
                c.getId(),
                c.getMember().getId(),
                c.getMember().getFullName(),
                c.getRecipientName(),
                c.getRecipientOrganisation(),
                c.getPurpose(),
                c.getScope(),
                c.getSignedOn(),
                c.getStartsOn(),
                c.getExpiresOn(),
                c.getRecordedBy(),
                c.getRevokedOn(),
                c.getRevokedBy(),
                c.isActiveOn(today),
                c.getVersion());
    }
}
