package org.hearth.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * An RFC 9457 problem detail: the body of every error the API answers. It names the rule that was
 * broken and never carries a stack trace or clinical content.
 */
public record Problem(int status, String title, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    /** A field of the request that needs correcting, and what is wrong with it. */
    public record FieldError(String field, String message) {}

    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder fields = Json.createArrayBuilder();
            errors.forEach(e -> fields.add(
                    Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", fields);
        }
        return json.build().toString();
    }
}
