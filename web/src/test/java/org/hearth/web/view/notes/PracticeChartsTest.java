package org.hearth.web.view.notes;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hearth.appointments.AppointmentKind;
import org.hearth.notes.MitiBand;
import org.hearth.notes.MitiReviewView;
import org.hearth.notes.MitiSummary;
import org.junit.jupiter.api.Test;

class PracticeChartsTest {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(
            "org.hearth.web.i18n.messages",
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));

    private final List<MitiReviewView> reviews = List.of(
            review(1, LocalDate.of(2026, 1, 5), false, "3.0", "3.5", "0.5", "0.3333333333333333"),
            review(2, LocalDate.of(2026, 1, 5), true, "4.0", "4.5", "2", "0.6"),
            review(3, LocalDate.of(2026, 2, 2), false, "4.0", "4.0", null, null));

    @Test
    void eachReviewIsOneDateOnTheAxisOldestFirst() {
        assertThat(read(PracticeCharts.globals(reviews, ENGLISH))
                        .getJsonObject("data")
                        .getJsonArray("labels")
                        .getValuesAs(v -> ((JsonString) v).getString()))
                .containsExactly("2026-01-05", "2026-01-05", "2026-02-02");
    }

    @Test
    void selfReviewsAreLinesOfTheirOwnBesideTheCodersLines() {
        JsonArray lines = lines(PracticeCharts.globals(reviews, ENGLISH));

        assertThat(lines.getValuesAs(v -> v.asJsonObject().getString("label")))
                .containsExactly(
                        "Technical",
                        "Technical (self-review)",
                        "Relational",
                        "Relational (self-review)",
                        "Technical: fair (3)",
                        "Relational: fair (3.5)",
                        "Good (4)");
        assertThat(values(lines.getJsonObject(0))).containsExactly("3.0", "null", "4.0");
        assertThat(values(lines.getJsonObject(1))).containsExactly("null", "4.0", "null");
    }

    @Test
    void withoutSelfReviewsThereIsNoSelfReviewLine() {
        JsonArray lines = lines(PracticeCharts.globals(
                reviews.stream().filter(r -> !r.selfReview()).toList(), ENGLISH));

        assertThat(lines.getValuesAs(v -> v.asJsonObject().getString("label")))
                .doesNotContain("Technical (self-review)", "Relational (self-review)");
    }

    @Test
    void ratiosAreDrawnAsTheTableShowsThemAndAGapWhereTheyCannotBeComputed() {
        JsonArray rq = lines(PracticeCharts.reflectionToQuestion(reviews, ENGLISH));
        JsonArray cr = lines(PracticeCharts.percentComplexReflections(reviews, ENGLISH));

        assertThat(values(rq.getJsonObject(0))).containsExactly("0.50", "null", "null");
        assertThat(values(cr.getJsonObject(0))).containsExactly("33", "null", "null");
        assertThat(values(cr.getJsonObject(1))).containsExactly("null", "60", "null");
        assertThat(cr.getValuesAs(v -> v.asJsonObject().getString("label"))).contains("Fair (40%)", "Good (50%)");
        assertThat(rq.getValuesAs(v -> v.asJsonObject().getString("label"))).contains("Fair (1)", "Good (2)");
    }

    private static MitiReviewView review(
            long id, LocalDate date, boolean self, String technical, String relational, String rq, String cr) {
        MitiSummary summary = new MitiSummary(
                new BigDecimal(technical),
                MitiBand.FAIR,
                new BigDecimal(relational),
                MitiBand.FAIR,
                rq == null ? null : new BigDecimal(rq),
                rq == null ? MitiBand.NOT_APPLICABLE : MitiBand.FAIR,
                cr == null ? null : new BigDecimal(cr),
                cr == null ? MitiBand.NOT_APPLICABLE : MitiBand.FAIR,
                0,
                0);
        return new MitiReviewView(
                id,
                100 + id,
                date,
                AppointmentKind.CRAFT_SESSION,
                "dana",
                "Dana Ruiz",
                self ? "dana" : "sam",
                self ? "Dana Ruiz" : "Sam Lee",
                self,
                null,
                null,
                summary,
                null,
                Instant.parse("2026-03-01T10:00:00Z"),
                0);
    }

    private static List<String> values(JsonObject line) {
        return line.getJsonArray("data").stream().map(JsonValue::toString).toList();
    }

    private static JsonArray lines(String json) {
        return read(json).getJsonObject("data").getJsonArray("datasets");
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
