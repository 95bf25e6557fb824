package org.hearth.consent;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;

/** A disclosure as plain structured JSON (no FHIR): the same facts, sections and notice as the PDF. */
public final class DisclosureJson {

    private DisclosureJson() {}

    public static String render(DisclosureDocument d) {
        JsonArrayBuilder sections = Json.createArrayBuilder();
        for (DisclosureDocument.Section section : d.sections()) {
            JsonArrayBuilder lines = Json.createArrayBuilder();
            section.lines().forEach(lines::add);
            sections.add(
                    Json.createObjectBuilder().add("title", section.title()).add("lines", lines));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("title", "Disclosure of records under 42 CFR Part 2")
                .add("program", d.program())
                .add("member", d.memberName())
                .add("caseNumber", d.caseNumber())
                .add("recipient", d.recipient())
                .add("purpose", d.purpose())
                .add("consentId", d.consentId())
                .add("scope", d.scope().name())
                .add("consentTerms", d.consentTerms())
                .add("producedAt", d.producedAt().toString())
                .add("producedBy", d.producedBy())
                .add("redisclosureNotice", RedisclosureNotice.TEXT)
                .add("sections", sections);
        StringWriter out = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)
                .write(json.build());
        return out.toString();
    }
}
