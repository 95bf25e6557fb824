package org.hearth.safetyplan;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hearth.printing.PrintedPdf;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The family's printed safety plan, in the family's language, laid out from {@code safety-plan.html}. Its words
 * come from {@code printed.properties} (and {@code _es}); it names no diagnosis, substance, treatment or program,
 * carries no case number, and calls the rescue medicine "emergency nasal spray". The leaving-safely part starts a
 * page of its own (or is left off when the counselor ticked so).
 */
public final class SafetyPlanPdf {

    private SafetyPlanPdf() {}

    /** The printed words of {@code language} ({@code es}; anything else English). */
    public static ResourceBundle words(String language) {
        return ResourceBundle.getBundle(
                "org.hearth.safetyplan.printed",
                locale(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Locale locale(String language) {
        return "es".equals(language) ? Locale.forLanguageTag("es") : Locale.ROOT;
    }

    /** The title of the printed plan in {@code language}. */
    public static String title(String language) {
        return words(language).getString("title");
    }

    /** The plan as a PDF. */
    public static byte[] render(PrintedPlan plan) {
        ResourceBundle w = words(plan.language());
        Locale locale = "es".equals(plan.language()) ? Locale.forLanguageTag("es") : Locale.US;
        Document page = PrintedPdf.template(SafetyPlanPdf.class, "safety-plan.html");
        page.selectFirst("html").attr("lang", "es".equals(plan.language()) ? "es" : "en");
        set(page, "title", w.getString("title"));
        set(page, "updated", new MessageFormat(w.getString("updated"), locale).format(new Object[] {
                    plan.updatedOn()
                            .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                    .withLocale(locale))
                }));
        set(page, "signs-heading", w.getString("signs"));
        set(page, "signs-intro", w.getString("signs.intro"));
        Element signs = page.getElementById("signs");
        plan.warningSigns().forEach(s -> PrintedPdf.text(signs.appendElement("li"), s));
        set(page, "members-heading", w.getString("members"));
        Element members = page.getElementById("members");
        plan.members().forEach(m -> row(members, m.name(), m.part(), false));
        set(page, "call-heading", w.getString("call"));
        Element calls = page.getElementById("calls");
        row(calls, w.getString("call.emergency"), w.getString("call.emergency.how"), true);
        row(calls, w.getString("call.crisis"), w.getString("call.crisis.how"), true);
        if (plan.clinicPhone() != null) {
            row(calls, w.getString("call.office"), plan.clinicPhone(), true);
        }
        if (plan.afterHoursPhone() != null) {
            row(calls, w.getString("call.afterHours"), plan.afterHoursPhone(), true);
        }
        plan.contacts()
                .forEach(c -> row(
                        calls,
                        c.relation() == null ? c.name() : c.name() + " (" + c.relation() + ")",
                        c.phone(),
                        true));
        set(page, "spray-heading", w.getString("spray"));
        Element spray = page.getElementById("spray");
        row(
                spray,
                w.getString("spray.where"),
                plan.sprayWhere() == null ? w.getString("spray.notYet") : plan.sprayWhere(),
                false);
        row(
                spray,
                w.getString("spray.who"),
                plan.sprayTrained().isEmpty() ? w.getString("spray.notYet") : String.join(", ", plan.sprayTrained()),
                false);
        SafetyPlanContent.LeavingSafely l = plan.leaving();
        if (l == null) {
            page.getElementById("leaving").remove();
        } else {
            set(page, "leaving-heading", w.getString("leaving"));
            set(page, "leaving-intro", w.getString("leaving.intro"));
            Element lines = page.getElementById("leaving-lines");
            optionalRow(lines, w.getString("leaving.where"), l.whereToGo());
            optionalRow(lines, w.getString("leaving.how"), l.howToGetThere());
            optionalRow(lines, w.getString("leaving.take"), l.whatToTake());
            optionalRow(lines, w.getString("leaving.code"), l.codeWord());
            optionalRow(lines, w.getString("leaving.tell"), l.whoToTell());
        }
        return PrintedPdf.bytes(page, w.getString("title"));
    }

    private static void set(Document page, String id, String text) {
        PrintedPdf.text(page.getElementById(id), text);
    }

    private static void row(Element body, String label, String value, boolean phone) {
        Element tr = body.appendElement("tr");
        PrintedPdf.text(tr.appendElement("th"), label);
        Element td = PrintedPdf.text(tr.appendElement("td"), value);
        if (phone) {
            td.addClass("phone");
        }
    }

    private static void optionalRow(Element body, String label, String value) {
        if (value != null && !value.isBlank()) {
            row(body, label, value, false);
        }
    }
}
