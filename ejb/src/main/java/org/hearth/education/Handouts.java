package org.hearth.education;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.hearth.printing.PrintedPdf;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The one-page handout of each {@link EducationTopic}, in English or Spanish, as a PDF (US Letter). Each handout is
 * written in plain language in {@code handouts/<slug>.<lang>.html} beside this class and ends with its "Sources"
 * ("Fuentes"): the public publications it was written from, with their addresses. The page template
 * ({@code handout.html}) adds only a closing line; a handout names no clinic, program or family, so it can be
 * handed to anyone and found by anyone.
 */
public final class Handouts {

    /** The languages every handout is written in. */
    public static final List<String> LANGUAGES = List.of("en", "es");

    private static final String NOTE_EN = "General information, not medical advice: ask a doctor, nurse or pharmacist"
            + " about your own situation. In an emergency call 911. In a crisis call or text 988.";

    private static final String NOTE_ES = "Información general, no consejo médico: pregunte a un médico, enfermera o"
            + " farmacéutico sobre su propia situación. En una emergencia llame al 911. En una crisis llame o envíe un"
            + " texto al 988.";

    private Handouts() {}

    /** Whether {@code lang} is one of {@link #LANGUAGES}. */
    public static boolean speaks(String lang) {
        return lang != null && LANGUAGES.contains(lang);
    }

    /** The handout's title in the language (its heading). */
    public static String title(EducationTopic topic, String lang) {
        return Jsoup.parse(body(topic, lang)).select("h1").text();
    }

    /** The handout as a PDF; {@code lang} is one of {@link #LANGUAGES}. */
    public static byte[] pdf(EducationTopic topic, String lang) {
        if (!speaks(lang)) {
            throw new IllegalArgumentException("no handouts in " + lang);
        }
        Document page = PrintedPdf.template(Handouts.class, "handout.html");
        page.selectFirst("html").attr("lang", lang);
        Element content = page.getElementById("content");
        // the handout's own markup (a resource of this package, not a value from a record), parsed as XML so it
        // stays well-formed for the renderer
        Document body = Jsoup.parse(body(topic, lang), "", Parser.xmlParser());
        for (Element part : body.children()) {
            content.appendChild(part.clone());
        }
        PrintedPdf.text(page.getElementById("note"), lang.equals("es") ? NOTE_ES : NOTE_EN);
        return PrintedPdf.bytes(page, title(topic, lang));
    }

    /** The file name a handout is saved under ({@code handout-overdose-naloxone-es.pdf}). */
    public static String fileName(EducationTopic topic, String lang) {
        return "handout-" + topic.slug() + "-" + lang.toLowerCase(Locale.ROOT) + ".pdf";
    }

    private static String body(EducationTopic topic, String lang) {
        String name = "handouts/" + topic.slug() + "." + lang + ".html";
        try (InputStream in = Handouts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the handout " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the handout " + name + " could not be read", e);
        }
    }
}
