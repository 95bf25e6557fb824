package org.hearth.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * An RFC 9457 problem detail: the body of every error the API answers. It names the rule that was
 * broken and never carries a stack trace or clinical content.
 */
public record Problem(int status, String title, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        return json.build().toString();
    }
}
