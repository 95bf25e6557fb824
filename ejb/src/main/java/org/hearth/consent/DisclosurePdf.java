package org.hearth.consent;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hearth.printing.PrintedPdf;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A disclosure as a PDF (US Letter), laid out by the template {@code disclosure.html}: the title, the facts of
 * the disclosure, the redisclosure notice of 42 CFR 2.32 in a box, the sections; every page ends with the short
 * notice and its number.
 */
public final class DisclosurePdf {

    private DisclosurePdf() {}

    /** The document's bytes; times are written in {@code zone}. */
    public static byte[] render(DisclosureDocument d, ZoneId zone) {
        Document page = PrintedPdf.template(DisclosurePdf.class, "disclosure.html");
        PrintedPdf.text(page.getElementById("short-notice"), RedisclosureNotice.SHORT);
        PrintedPdf.text(page.getElementById("notice"), RedisclosureNotice.TEXT);
        DateTimeFormatter time =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(zone);
        Element facts = page.getElementById("facts");
        fact(facts, "Program", d.program());
        fact(facts, "Records of", d.memberName() + " (case " + d.caseNumber() + ")");
        fact(facts, "Disclosed to", d.recipient());
        fact(facts, "Purpose", d.purpose());
        fact(facts, "Under consent", "#" + d.consentId() + ": " + d.consentTerms());
        fact(facts, "What may be disclosed", label(d.scope()));
        fact(facts, "Produced", time.format(d.producedAt()) + " by " + d.producedBy());
        Element sections = page.getElementById("sections");
        for (DisclosureDocument.Section section : d.sections()) {
            PrintedPdf.text(sections.appendElement("h2"), section.title());
            if (section.lines().isEmpty()) {
                PrintedPdf.text(sections.appendElement("p").addClass("nothing"), "Nothing recorded.");
            }
            for (String line : section.lines()) {
                PrintedPdf.text(sections.appendElement("p").addClass("line"), line);
            }
        }
        return PrintedPdf.bytes(page, "Disclosure of records under 42 CFR Part 2");
    }

    static String label(DisclosureScope scope) {
        return switch (scope) {
            case ATTENDANCE -> "Attendance only";
            case SUMMARY -> "A summary (attendance, time in the program, readiness)";
            case FULL_RECORD -> "The record, without counseling notes";
            case COUNSELING_NOTES -> "SUD counseling notes";
        };
    }

    private static void fact(Element facts, String label, String value) {
        Element row = facts.appendElement("tr");
        PrintedPdf.text(row.appendElement("th"), label);
        PrintedPdf.text(row.appendElement("td"), value);
    }
}
