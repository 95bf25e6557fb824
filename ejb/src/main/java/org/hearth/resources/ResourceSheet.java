package org.hearth.resources;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.hearth.printing.PrintedPdf;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The neutral sheet of resources a family takes home (US Letter), laid out by the template {@code sheet_en.html} or
 * {@code sheet_es.html}: a heading that says only "contacts you may find helpful", then each entry's name, how to
 * reach it and when. It may be found by the loved one, so it names no family member, no loved one, no diagnosis,
 * no substance, no program and no case number, and it does not print the entry's kind or description: only the
 * directory's own name and contact details appear, beside the template's words (checked against a list of words
 * that must never appear, in {@code ResourceSheetTest}).
 */
public final class ResourceSheet {

    /** One entry as the sheet prints it. */
    public record Entry(
            String name, String phone, String website, String address, String hours, ResourceSetting setting) {

        static Entry of(CommunityResource r) {
            return new Entry(r.getName(), r.getPhone(), r.getWebsite(), r.getAddress(), r.getHours(), r.getSetting());
        }
    }

    private ResourceSheet() {}

    /** The template of the sheet in {@code language} ("en" or "es"). */
    static Document template(String language) {
        if (!ResourceRules.SHEET_LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no sheet in " + language);
        }
        return PrintedPdf.template(ResourceSheet.class, "sheet_" + language + ".html");
    }

    /** The sheet's bytes, in {@code language}, dated {@code printedOn}. */
    public static byte[] render(List<Entry> entries, String language, LocalDate printedOn) {
        Document page = template(language);
        Element labels = page.getElementById("labels");
        String phone = label(labels, "phone");
        String website = label(labels, "website");
        String address = label(labels, "address");
        String when = label(labels, "when");
        String online = label(labels, "online");
        String both = label(labels, "both");
        labels.remove();
        PrintedPdf.text(
                page.getElementById("printed-on"),
                DateTimeFormatter.ofPattern(language.equals("es") ? "d/M/yyyy" : "M/d/yyyy", Locale.ROOT)
                        .format(printedOn));
        Element list = page.getElementById("entries");
        for (Entry entry : entries) {
            Element item = list.appendElement("div").addClass("entry");
            PrintedPdf.text(item.appendElement("h2"), entry.name());
            Element facts = item.appendElement("table").addClass("facts").appendElement("tbody");
            fact(facts, phone, entry.phone());
            fact(facts, website, entry.website());
            fact(facts, address, entry.address());
            fact(facts, when, entry.hours());
            if (entry.setting() == ResourceSetting.ONLINE) {
                PrintedPdf.text(item.appendElement("p").addClass("setting"), online);
            } else if (entry.setting() == ResourceSetting.BOTH) {
                PrintedPdf.text(item.appendElement("p").addClass("setting"), both);
            }
        }
        return PrintedPdf.bytes(page, page.selectFirst("h1").text());
    }

    private static String label(Element labels, String name) {
        Element label = labels.getElementsByAttributeValue("data-label", name).first();
        if (label == null) {
            throw new IllegalStateException("the sheet's template has no label " + name);
        }
        return label.text();
    }

    private static void fact(Element facts, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Element row = facts.appendElement("tr");
        PrintedPdf.text(row.appendElement("th"), label);
        PrintedPdf.text(row.appendElement("td"), value);
    }
}
