package org.hearth.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds every answer the integration tests get from the API to the OpenAPI document the running server serves
 * ({@code /api-docs/openapi.json}, generated from the resources when the web module is built): the call must be an
 * operation of the document, its status one the operation documents, its content type one that answer documents,
 * and a JSON body must validate against that answer's schema (OpenAPI 3.1 schemas are JSON Schema 2020-12).
 * {@link ApiClient} asks after each answer; a mismatch fails the test that got it, saying what did not fit.
 */
public final class ApiConformance {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static volatile ApiConformance current;

    private final JsonNode document;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /** A path of the document and the pattern its concrete paths match; literal paths are tried first. */
    private record Template(String path, Pattern pattern, int literalLength) {}

    ApiConformance(JsonNode document) {
        this.document = document;
        for (Iterator<String> paths = document.get("paths").propertyNames().iterator(); paths.hasNext(); ) {
            String path = paths.next();
            String regex = Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            templates.add(new Template(
                    path,
                    Pattern.compile(regex),
                    path.replaceAll("\\{[^}/]+}", "").length()));
        }
        templates.sort((a, b) -> Integer.compare(b.literalLength(), a.literalLength()));
    }

    /** The document of the server under test, fetched once per test run. */
    public static ApiConformance ofServer() throws IOException, InterruptedException {
        ApiConformance conformance = current;
        if (conformance == null) {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(HearthStack.appUrl() + "api-docs/openapi.json"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("the OpenAPI document answered " + answer.statusCode());
            }
            conformance = new ApiConformance(JSON.readTree(answer.body()
                    // JSON Schema keeps shared schemas under $defs: the same references, where a validator looks
                    .replace("\"#/components/schemas/", "\"#/$defs/")));
            current = conformance;
        }
        return conformance;
    }

    /**
     * What does not fit the document in this answer to {@code method} on {@code path} (relative to the application,
     * {@code api/v1/...}, query allowed), or an empty list when it all fits.
     */
    public List<String> check(String method, String path, HttpResponse<String> answer) {
        String call = method + " " + path + " -> " + answer.statusCode();
        String concrete = "/" + path.replaceFirst("[?#].*$", "");
        Template template = templates.stream()
                .filter(t -> t.pattern().matcher(concrete).matches()
                        && document.get("paths").get(t.path()).has(method.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
        if (template == null) {
            return List.of(call + ": no operation of the OpenAPI document is " + method + " " + concrete);
        }
        JsonNode operation = document.get("paths").get(template.path()).get(method.toLowerCase(Locale.ROOT));
        String status = Integer.toString(answer.statusCode());
        JsonNode response = operation.path("responses").get(status);
        if (response == null) {
            response = operation.path("responses").get("default");
        }
        if (response == null) {
            return List.of(call + ": " + method + " " + template.path() + " documents no answer " + status
                    + " (it documents " + names(operation.path("responses")) + ")");
        }
        if (answer.body().isEmpty()) {
            return List.of();
        }
        String type = answer.headers()
                .firstValue("Content-Type")
                .orElse("")
                .replaceFirst(";.*$", "")
                .strip()
                .toLowerCase(Locale.ROOT);
        JsonNode content = response.path("content").get(type);
        if (content == null) {
            return List.of(call + ": the answer " + status + " of " + method + " " + template.path()
                    + " documents no content " + type + " (it documents " + names(response.path("content")) + ")");
        }
        if (!type.endsWith("json")) {
            return List.of();
        }
        String key = method + " " + template.path() + " " + status + " " + type;
        Schema schema = compiled.computeIfAbsent(key, k -> schemaOf(content.path("schema")));
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (RuntimeException notJson) {
            return List.of(call + ": the body is not JSON: " + abbreviated(answer.body()));
        }
        List<Error> errors = schema.validate(body);
        return errors.stream()
                .map(e -> call + ": " + key + ": " + e.getInstanceLocation() + " " + e.getMessage() + " in "
                        + abbreviated(answer.body()))
                .toList();
    }

    /** The answer's schema as a JSON Schema of its own, with the document's shared schemas as its {@code $defs}. */
    private Schema schemaOf(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", document.path("components").path("schemas"));
        root.set("allOf", JSON.createArrayNode().add(schema));
        return SCHEMAS.getSchema(root);
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return String.join(", ", names);
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
