package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.ImportPreview;
import org.hearth.providers.ImportProblem;
import org.hearth.providers.ImportResult;
import org.hearth.providers.ImportRow;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;
import org.hearth.providers.Population;
import org.hearth.providers.ProviderDetails;
import org.hearth.providers.ProviderPage;
import org.hearth.providers.ProviderQuery;
import org.hearth.providers.ProviderView;
import org.hearth.providers.Providers;
import org.hearth.security.Invalid;

/**
 * {@code /api/v1/providers}: the treatment-provider directory. Every staff role reads it; supervisors and
 * administrators change it and import treatment-locator files ({@code text/csv}: preview first, then import, all or
 * nothing). Every change names the version read ({@code 409} naming the "provider" when another change came first).
 */
@Path("providers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Treatment providers", description = "The directory of programs a loved one can be referred to")
public class ProvidersResource {

    private static final String TEXT_CSV = "text/csv";

    @EJB
    private Providers providers;

    /**
     * A page of the directory, by name: {@code text} (words in the name or city), {@code levelOfCare},
     * {@code medication}, {@code payment}, {@code language} (a code such as "es"), {@code population},
     * {@code coOccurringCare} (true/false), {@code stale} (true: only entries not confirmed for 90 days),
     * {@code active} (true, the default; false for retired entries; any for both), {@code first}, {@code max}.
     */
    @GET
    public ProviderPage search(
            @QueryParam("text") String text,
            @QueryParam("levelOfCare") String levelOfCare,
            @QueryParam("medication") String medication,
            @QueryParam("payment") String payment,
            @QueryParam("language") String language,
            @QueryParam("population") String population,
            @QueryParam("coOccurringCare") String coOccurringCare,
            @QueryParam("stale") String stale,
            @QueryParam("active") String active,
            @QueryParam("first") String first,
            @QueryParam("max") String max) {
        return providers.search(new ProviderQuery(
                text,
                choice("levelOfCare", levelOfCare, LevelOfCare.class),
                choice("medication", medication, OudMedication.class),
                choice("payment", payment, Payment.class),
                language,
                choice("population", population, Population.class),
                coOccurringCare == null ? null : trueOrFalse("coOccurringCare", coOccurringCare),
                stale != null && trueOrFalse("stale", stale),
                active == null ? Boolean.TRUE : "any".equals(active.strip()) ? null : trueOrFalse("active", active),
                number("first", first, 0),
                number("max", max, 50)));
    }

    @GET
    @Path("{id}")
    public ProviderView provider(@PathParam("id") long id) {
        return providers.provider(id);
    }

    /** Adds an entry (supervisors, administrators): 201 with the entry; 400 naming each field at fault. */
    @POST
    @APIResponse(
            responseCode = "201",
            description = "The new entry",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProviderView.class)))
    public Response create(ProviderBody body) {
        ProviderView created = providers.create(required(body).details());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    /** Replaces an entry's details; the body carries the {@code version} read. */
    @PUT
    @Path("{id}")
    public ProviderView update(@PathParam("id") long id, ProviderBody body) {
        ProviderBody given = required(body);
        return providers.update(id, given.version(), given.details());
    }

    /** Retires the entry: {@code {"version": 3}}. It stays for the plans and referrals naming it. */
    @POST
    @Path("{id}/retirement")
    public ProviderView retire(@PathParam("id") long id, VersionRead body) {
        return providers.retire(id, body == null ? null : body.version());
    }

    /** Brings a retired entry back: {@code {"version": 4}}. */
    @POST
    @Path("{id}/restoration")
    public ProviderView restore(@PathParam("id") long id, VersionRead body) {
        return providers.restore(id, body == null ? null : body.version());
    }

    /** Records that the entry's details were confirmed with the provider today: {@code {"version": 4}}. */
    @POST
    @Path("{id}/confirmation")
    public ProviderView confirm(@PathParam("id") long id, VersionRead body) {
        return providers.confirm(id, body == null ? null : body.version());
    }

    /**
     * What importing this treatment-locator file (the CSV text) would do, row by row, saving nothing: each row's
     * action (CREATE, UPDATE, ERROR) and problems named by row and column.
     */
    @POST
    @Path("import/preview")
    @Consumes(TEXT_CSV)
    @RequestBody(
            content =
                    @Content(
                            mediaType = TEXT_CSV,
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)))
    @APIResponse(
            responseCode = "200",
            description = "What each row would do",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportPreviewAnswer.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not sent as text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public ImportPreviewAnswer previewImport(String csv) {
        return ImportPreviewAnswer.of(providers.previewImport(csv));
    }

    /**
     * Imports the treatment-locator file, all or nothing: 400 naming every problem ("row 4, zip") and nothing saved,
     * or every row created or updated.
     */
    @POST
    @Path("import")
    @Consumes(TEXT_CSV)
    @RequestBody(
            content =
                    @Content(
                            mediaType = TEXT_CSV,
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)))
    @APIResponse(
            responseCode = "200",
            description = "What the import created and updated",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not sent as text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public ImportResult importProviders(String csv) {
        return providers.importProviders(csv);
    }

    private static ProviderBody required(ProviderBody body) {
        if (body == null) {
            throw new Invalid(Invalid.Subject.REQUEST, Invalid.Reason.written("body", "Send the provider's details."));
        }
        return body;
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written(field, field + " is one of " + List.of(type.getEnumConstants()) + "."));
        }
    }

    private static boolean trueOrFalse(String field, String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Invalid(
                    Invalid.Subject.REQUEST, Invalid.Reason.written(field, field + " takes true or false."));
        };
    }

    private static int number(String field, String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new Invalid(Invalid.Subject.REQUEST, Invalid.Reason.written(field, field + " is a whole number."));
        }
    }

    /**
     * An entry's details as sent to create or change it; {@code version} is the version read (changes only).
     * {@code languages} are codes such as "en", "es", "asl".
     */
    public record ProviderBody(
            String name,
            String street,
            String city,
            String state,
            String zip,
            String phone,
            String website,
            Set<LevelOfCare> levelsOfCare,
            Set<OudMedication> medications,
            Set<Payment> payments,
            Set<String> languages,
            Set<Population> populations,
            Boolean coOccurringCare,
            String intakeHours,
            Integer typicalWaitDays,
            LocalDate confirmedOn,
            String notes,
            Long version) {

        ProviderDetails details() {
            return new ProviderDetails(
                    name,
                    street,
                    city,
                    state,
                    zip,
                    phone,
                    website,
                    levelsOfCare,
                    medications,
                    payments,
                    languages,
                    populations,
                    Boolean.TRUE.equals(coOccurringCare),
                    intakeHours,
                    typicalWaitDays,
                    confirmedOn,
                    notes);
        }
    }

    /** The version of the entry read, for retiring, restoring and confirming. */
    public record VersionRead(Long version) {}

    /** One problem of an import, in English: {@code row} 0 is the file as a whole; {@code column} may be null. */
    public record ImportProblemAnswer(int row, String column, String message) {

        static ImportProblemAnswer of(ImportProblem problem) {
            return new ImportProblemAnswer(problem.row(), problem.column(), problem.englishText());
        }
    }

    /** What one row of the file would do. */
    public record ImportRowAnswer(
            int row,
            String locatorId,
            String name,
            String city,
            ImportRow.Action action,
            Long providerId,
            boolean retired,
            List<ImportProblemAnswer> problems) {

        static ImportRowAnswer of(ImportRow row) {
            return new ImportRowAnswer(
                    row.row(),
                    row.locatorId(),
                    row.name(),
                    row.city(),
                    row.action(),
                    row.providerId(),
                    row.retired(),
                    row.problems().stream().map(ImportProblemAnswer::of).toList());
        }
    }

    /** What the import would do; it can be made only when {@code importable}. */
    public record ImportPreviewAnswer(
            boolean importable,
            long creates,
            long updates,
            long rowsWithProblems,
            List<ImportRowAnswer> rows,
            List<ImportProblemAnswer> fileProblems) {

        static ImportPreviewAnswer of(ImportPreview preview) {
            Function<ImportProblem, ImportProblemAnswer> answer = ImportProblemAnswer::of;
            return new ImportPreviewAnswer(
                    preview.importable(),
                    preview.creates(),
                    preview.updates(),
                    preview.rowsWithProblems(),
                    preview.rows().stream().map(ImportRowAnswer::of).toList(),
                    preview.fileProblems().stream().map(answer).toList());
        }
    }
}
