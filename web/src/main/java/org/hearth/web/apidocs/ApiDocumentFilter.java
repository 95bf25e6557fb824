package org.hearth.web.apidocs;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.hearth.web.api.Problem;

/**
 * Completes the generated OpenAPI document (the build runs it, see the web module's pom) with what every operation
 * shares: the {@link Problem} schema and the error answers each kind of operation can give - 400 (bad input, named
 * field by field), 401 (no valid token), 403 (not allowed, or a record outside one's work), 404 (where the path
 * holds an id or the query a number: JAX-RS answers 404 for one that is not a number) 409 (a stale version or a clash, on changes) and 503 (the database out of reach for a moment) - each as {@code application/problem+json}.
 * No operation documents 500: an answer the integration tests get with an undocumented status fails them. It lives
 * outside the resources' package, which the tests read class by class without the OpenAPI classes.
 */
public class ApiDocumentFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Map<String, String> ERRORS = Map.of(
            "400", "The request is not valid: `detail` says why, `errors` names each field to correct.",
            "401", "No valid bearer token of Hearth's realm (or one issued to another client).",
            "403", "Your roles do not allow this, or the record is not part of your work (refused and audited).",
            "404", "No record has this id, the path names none, or a number in the path or the query is not one.",
            "409", "Someone changed the record since you read it (send the version you read), or it clashes.",
            "503",
                    "The records are unavailable for a moment (the database is out of reach): try again in a minute, as"
                            + " `Retry-After` says.");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problem());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> addErrors(path, method, operation)));
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        add(responses, "400");
        add(responses, "401");
        add(responses, "403");
        if (path.contains("{") || hasNumberInQuery(operation)) {
            add(responses, "404");
        }
        if (method != PathItem.HttpMethod.GET) {
            add(responses, "409");
        }
        add(responses, "503");
    }

    /** Whether a query parameter is a number: JAX-RS answers 404 when one is not (as for an id in the path). */
    private static boolean hasNumberInQuery(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.QUERY
                                && p.getSchema() != null
                                && p.getSchema().getType() != null
                                && (p.getSchema().getType().contains(Schema.SchemaType.INTEGER)
                                        || p.getSchema().getType().contains(Schema.SchemaType.NUMBER)));
    }

    private static void add(APIResponses responses, String status) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(
                status,
                OASFactory.createAPIResponse()
                        .description(ERRORS.get(status))
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(PROBLEM_REF)))));
    }

    /** RFC 9457 problem details as {@link Problem#toJson()} writes them. */
    private static Schema problem() {
        Schema text = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        Schema fieldError = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text.description("The field of the request (or the query parameter)"))
                .addProperty(
                        "message",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .description("What is wrong with it"))
                .addRequired("field")
                .addRequired("message");
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("An error, as RFC 9457 problem details; never a stack trace or clinical content.")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .constValue("about:blank"))
                .addProperty(
                        "title",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .description("The HTTP status in words"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.INTEGER))
                                .format("int32"))
                .addProperty(
                        "detail",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .description("What went wrong, for a person to read"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .items(fieldError)
                                .description("The fields to correct, one entry each"))
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .examples(List.of(Map.of(
                        "type",
                        "about:blank",
                        "title",
                        "Bad Request",
                        "status",
                        400,
                        "detail",
                        "Some fields need correcting.",
                        "errors",
                        List.of(Map.of("field", "familyName", "message", "Enter the family's name.")))));
    }
}
