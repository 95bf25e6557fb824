package org.hearth.consent;

import java.time.Instant;
import java.util.List;

/**
 * What one export contains, whatever it is rendered as: whose record, for whom and why, under which consent,
 * produced when and by whom, and the sections the consent allows - each a title and its lines.
 */
public record DisclosureDocument(
        String program,
        String memberName,
        String caseNumber,
        String recipient,
        String purpose,
        long consentId,
        DisclosureScope scope,
        String consentTerms,
        Instant producedAt,
        String producedBy,
        List<Section> sections) {

    public DisclosureDocument {
        sections = List.copyOf(sections);
    }

    /** A part of the record: a title and its lines (an empty list reads "nothing recorded"). */
    public record Section(String title, List<String> lines) {

        public Section {
            lines = List.copyOf(lines);
        }
    }
}
