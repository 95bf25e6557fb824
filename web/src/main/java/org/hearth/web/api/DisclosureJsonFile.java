package org.hearth.web.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hearth.consent.DisclosureScope;

/**
 * The JSON form of a disclosure ({@code POST /consents/{id}/disclosures?format=json}), as {@code DisclosureJson}
 * writes it: described here for the API's document only; nothing is built from it.
 */
@Schema(name = "DisclosureFile", description = "A disclosure of records under 42 CFR Part 2, as JSON")
public record DisclosureJsonFile(
        @Schema(required = true, example = "Disclosure of records under 42 CFR Part 2") String title,
        @Schema(required = true) String program,
        @Schema(required = true, description = "The member whose records are disclosed") String member,
        @Schema(required = true) String caseNumber,
        @Schema(required = true) String recipient,
        @Schema(required = true) String purpose,
        @Schema(required = true) long consentId,
        @Schema(required = true) DisclosureScope scope,
        @Schema(required = true) String consentTerms,
        @Schema(required = true) Instant producedAt,
        @Schema(required = true) String producedBy,
        @Schema(required = true) String redisclosureNotice,
        @Schema(required = true) List<Section> sections) {

    /** A part of the record: its title and lines. */
    public record Section(@Schema(required = true) String title, @Schema(required = true) List<String> lines) {}
}
