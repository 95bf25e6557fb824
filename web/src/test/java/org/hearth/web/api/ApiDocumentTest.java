package org.hearth.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the build generates (target/openapi/openapi.json, served as /api-docs/openapi.json) against
 * the JAX-RS resources themselves, read by reflection: every resource method is an operation of the document and
 * nothing else is, every operation answers a typed body (never a bare object) and documents its problem answers.
 */
class ApiDocumentTest {

    private static JsonObject document;

    @BeforeAll
    static void readDocument() throws IOException {
        java.nio.file.Path file = java.nio.file.Path.of("target", "openapi", "openapi.json");
        assertThat(file)
                .as("the build generates the document before the tests run")
                .exists();
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            document = reader.readObject();
        }
    }

    /** Every JAX-RS resource method of the API, as "METHOD /api/v1/path". */
    private static List<String> resourceMethods() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        List<String> operations = new ArrayList<>();
        List<java.nio.file.Path> files;
        try (Stream<java.nio.file.Path> walk = Files.walk(classes.resolve("org/hearth/web/api"))) {
            files = walk.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (java.nio.file.Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> resource = Class.forName(name);
            Path root = resource.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verbOf(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                operations.add(verb + " /api/v1/" + trim(root.value()) + (sub == null ? "" : "/" + trim(sub.value())));
            }
        }
        return operations;
    }

    private static String verbOf(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        return method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static TreeSet<String> documentedOperations() {
        TreeSet<String> operations = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject()
                .keySet()
                .forEach(verb -> operations.add(verb.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        return operations;
    }

    @Test
    void everyResourceMethodIsAnOperationOfTheDocumentAndNothingElseIs() throws Exception {
        List<String> methods = resourceMethods();

        assertThat(methods).as("the API's resource methods, read by reflection").hasSizeGreaterThan(70);
        assertThat(documentedOperations()).containsExactlyInAnyOrderElementsOf(new TreeSet<>(methods));
        assertThat(methods)
                .as("no two resource methods share a method and path")
                .doesNotHaveDuplicates();
    }

    @Test
    void everyOperationAnswersATypedBodyOrNone() {
        List<String> untyped = new ArrayList<>();
        forEachOperation((name, operation) -> {
            JsonObject responses = operation.getJsonObject("responses");
            List<String> successes = responses.keySet().stream()
                    .filter(status -> status.startsWith("2"))
                    .toList();
            if (successes.isEmpty()) {
                untyped.add(name + ": no successful answer");
            }
            for (String status : successes) {
                JsonObject answer = responses.getJsonObject(status);
                if (status.equals("204")) {
                    continue;
                }
                JsonObject content = answer.getJsonObject("content");
                if (content == null || content.isEmpty()) {
                    untyped.add(name + " " + status + ": no content");
                    continue;
                }
                content.forEach((type, media) -> {
                    JsonObject schema = media.asJsonObject().getJsonObject("schema");
                    if (schema == null || !typed(schema)) {
                        untyped.add(name + " " + status + " " + type + ": " + schema);
                    }
                });
            }
        });

        assertThat(untyped).isEmpty();
    }

    @Test
    void everyOperationDocumentsItsProblemsAndNeedsABearerToken() {
        List<String> missing = new ArrayList<>();
        forEachOperation((name, operation) -> {
            JsonObject responses = operation.getJsonObject("responses");
            List<String> expected = new ArrayList<>(List.of("400", "401", "403"));
            if (name.contains("{")) {
                expected.add("404");
            }
            for (String status : expected) {
                JsonObject problem = responses.containsKey(status)
                        ? responses
                                .getJsonObject(status)
                                .getJsonObject("content")
                                .getJsonObject("application/problem+json")
                        : null;
                if (problem == null
                        || !problem.getJsonObject("schema").getString("$ref").equals("#/components/schemas/Problem")) {
                    missing.add(name + " " + status);
                }
            }
        });

        assertThat(missing).isEmpty();
        assertThat(document.getJsonArray("security").getJsonObject(0).containsKey("bearer"))
                .isTrue();
        assertThat(document.getJsonObject("components")
                        .getJsonObject("securitySchemes")
                        .getJsonObject("bearer")
                        .getString("scheme"))
                .isEqualTo("bearer");
        assertThat(document.getJsonObject("components")
                        .getJsonObject("schemas")
                        .getJsonObject("Problem")
                        .getJsonArray("required"))
                .extracting(JsonValue::toString)
                .containsExactly("\"type\"", "\"title\"", "\"status\"");
    }

    @Test
    void enumsAndRequiredFieldsAndTheReportsFiguresAreTyped() {
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");

        assertThat(schemas.getJsonObject("FamilyStatus").getJsonArray("enum"))
                .extracting(JsonValue::toString)
                .contains("\"INTAKE\"", "\"ACTIVE\"", "\"CLOSED\"");
        assertThat(schemas.getJsonObject("AppointmentMove").getJsonArray("required"))
                .extracting(JsonValue::toString)
                .contains("\"start\"", "\"version\"");
        JsonObject count = schemas.getJsonObject("Count").getJsonObject("properties");
        assertThat(count.getJsonObject("value").getJsonArray("type"))
                .extracting(JsonValue::toString)
                .containsExactly("\"integer\"", "\"null\"");
        assertThat(count.getJsonObject("suppressed").getString("type")).isEqualTo("boolean");
        assertThat(schemas.getJsonObject("SuppressionReason").getJsonArray("enum"))
                .extracting(JsonValue::toString)
                .containsExactly("\"SMALL_COUNT\"", "\"SMALL_BASE\"", "\"SECONDARY\"");
        assertThat(document.getJsonObject("paths")
                        .getJsonObject("/api/v1/reports")
                        .getJsonObject("get")
                        .getJsonObject("responses")
                        .getJsonObject("200")
                        .getJsonObject("content")
                        .getJsonObject("application/json")
                        .getJsonObject("schema")
                        .getString("$ref"))
                .isEqualTo("#/components/schemas/ReportFigures");
    }

    @Test
    void noSchemaAnywhereIsABareObject() {
        List<String> bare = new ArrayList<>();
        bareObjects(document, "", bare);

        assertThat(bare)
                .as("a type the scanner could not read (a JDK type: see openapi.properties)")
                .isEmpty();
    }

    private static void bareObjects(JsonValue value, String where, List<String> bare) {
        if (value instanceof JsonObject object) {
            if (object.containsKey("type")
                    && object.get("type").toString().equals("\"object\"")
                    && !object.containsKey("properties")
                    && !object.containsKey("additionalProperties")
                    && !object.containsKey("$ref")) {
                bare.add(where);
            }
            object.forEach((key, inner) -> bareObjects(inner, where + "/" + key, bare));
        } else if (value instanceof jakarta.json.JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                bareObjects(array.get(i), where + "/" + i, bare);
            }
        }
    }

    /** A schema that says what the body is: a reference, a typed array of such, or a type with its properties. */
    private static boolean typed(JsonObject schema) {
        if (schema.containsKey("$ref")) {
            return true;
        }
        if (!schema.containsKey("type")) {
            return false;
        }
        String type = schema.get("type").toString().replace("\"", "");
        return switch (type) {
            case "array" -> schema.containsKey("items") && typed(schema.getJsonObject("items"));
            case "object" -> schema.containsKey("properties") || schema.containsKey("additionalProperties");
            default -> true;
        };
    }

    private static void forEachOperation(java.util.function.BiConsumer<String, JsonObject> action) {
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            path.getValue()
                    .asJsonObject()
                    .forEach((verb, operation) -> action.accept(
                            verb.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), operation.asJsonObject()));
        }
    }
}
