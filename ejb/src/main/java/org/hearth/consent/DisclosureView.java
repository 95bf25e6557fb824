package org.hearth.consent;

import java.io.Serializable;
import java.time.Instant;

/** One line of a member's accounting of disclosures. */
public record DisclosureView(
        long id,
        long consentId,
        long memberId,
        String memberName,
        String recipientName,
        String recipientOrganisation,
        String purpose,
        DisclosureScope scope,
        Disclosure.Format format,
        String disclosedBy,
        Instant disclosedAt,
        String contentSha256)
        implements Serializable {}
