package org.hearth.notes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The text of notes: rich text cleaned to what a note needs (paragraphs, line breaks, bold, italic,
 * underline, lists) so nothing else a browser would run or load can be stored, and the SHA-256 of a signed
 * note's content, written out field by field in a fixed order, so a later change in the database shows.
 */
public final class NoteText {

    private static final Safelist NOTE = Safelist.none()
            .addTags("p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li")
            .addAttributes("li", "data-list");

    private NoteText() {}

    /** The rich text kept to the allow-list; null when nothing readable is left. */
    public static String clean(String html) {
        if (html == null) {
            return null;
        }
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        String cleaned = Jsoup.clean(html, "", NOTE, compact);
        return isBlank(cleaned) ? null : cleaned;
    }

    /** Whether the rich text says nothing ("<p><br></p>" from an emptied editor is blank). */
    public static boolean isBlank(String html) {
        return html == null || Jsoup.parse(html).text().isBlank();
    }

    /** The hash of a signed note's content, with what identifies it (note, session, author, signing time). */
    static String hash(SessionNote note) {
        NoteContent c = note.content();
        StringBuilder text = new StringBuilder();
        line(text, "note", note.getId());
        line(text, "appointment", note.getAppointment().getId());
        line(text, "family", note.getFamily().getId());
        line(text, "author", note.getAuthor().getUsername());
        line(text, "signedAt", note.getSignedAt());
        line(text, "data", c.data());
        line(text, "assessment", c.assessment());
        line(text, "plan", c.plan());
        line(text, "targetBehaviour", c.targetBehaviour());
        line(text, "oars", List.of(c.openQuestions(), c.affirmations(), c.reflections(), c.summaries()));
        for (NoteContent.ChangeTalk t : c.changeTalk()) {
            line(text, "changeTalk", t.category() + "|" + t.memberId() + "|" + escape(t.quote()));
        }
        line(text, "sustainTalk", c.sustainTalk());
        line(text, "discord", c.discord());
        c.rulers().stream()
                .sorted(Comparator.comparing(NoteContent.Ruler::memberId))
                .forEach(r -> line(
                        text,
                        "ruler",
                        r.memberId() + "|" + r.importance() + "|" + r.confidence() + "|" + r.readiness() + "|"
                                + r.stage()));
        c.lovedOneStages().stream()
                .sorted(Comparator.comparing(NoteContent.LovedOneStage::lovedOneId))
                .forEach(s -> line(text, "lovedOneStage", s.lovedOneId() + "|" + s.stage()));
        line(text, "craft", note.getCraftProcedures().stream().sorted().toList());
        line(text, "overdoseRisk", c.overdoseRisk());
        line(text, "safetyUpdate", c.safetyUpdate());
        line(text, "safetyPlanAgreed", c.safetyPlanAgreed());
        line(text, "homework", c.homework());
        line(text, "nextSteps", c.nextSteps());
        // since issue 25, and only when topics were ticked: notes signed before it have none and hash as they did
        if (!note.getEducationTopics().isEmpty()) {
            line(text, "education", note.getEducationTopics().stream().sorted().toList());
        }
        return sha256(text.toString());
    }

    /** The hash of an addendum: its note, author, time and text. */
    static String hash(NoteAddendum addendum) {
        StringBuilder text = new StringBuilder();
        line(text, "note", addendum.getNote().getId());
        line(text, "author", addendum.getAuthor().getUsername());
        line(text, "writtenAt", addendum.getWrittenAt());
        line(text, "body", addendum.getBody());
        return sha256(text.toString());
    }

    private static void line(StringBuilder text, String name, Object value) {
        text.append(name)
                .append('=')
                .append(value == null ? "\\0" : escape(value.toString()))
                .append('\n');
    }

    private static String escape(String value) {
        return value == null
                ? "\\0"
                : value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
