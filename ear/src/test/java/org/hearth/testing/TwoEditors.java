package org.hearth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;

/**
 * Two people change the same record from the same version (issue 23): what the first one's save and the second
 * one's refusal must look like over the API. The second is answered 409 naming the record as a person would.
 */
public final class TwoEditors {

    private TwoEditors() {}

    /** The first save went through: its answer, a view. */
    public static JsonObject saved(HttpResponse<String> first) {
        accepted(first);
        return Json.createReader(new StringReader(first.body())).readObject();
    }

    /** The change went through, whatever it answers (a list, for an assignment). */
    public static void accepted(HttpResponse<String> change) {
        assertThat(change.statusCode()).as(change.body()).isBetween(200, 201);
    }

    /** The second save, from the same version, was refused as stale, naming {@code record} in the problem's detail. */
    public static void refusedAsStale(HttpResponse<String> second, String record) {
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Json.createReader(new StringReader(second.body()))
                        .readObject()
                        .getString("detail"))
                .isEqualTo("Someone else changed this " + record + " meanwhile: load it again and repeat your change.");
    }

    /** The version a view carries at its top level. */
    public static long versionOf(HttpResponse<String> read) {
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return Json.createReader(new StringReader(read.body()))
                .readObject()
                .getJsonNumber("version")
                .longValue();
    }
}
