package org.hearth.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hearth.report.FigureList;
import org.hearth.report.ProgramReports;
import org.hearth.report.ReportFigure;
import org.hearth.report.ReportFigures;
import org.hearth.report.ReportFilter;
import org.hearth.security.Invalid;
import org.hearth.time.ClinicClock;

/**
 * {@code /api/v1/reports}: the program report for a range of days ({@code from}, {@code to}; the last twelve
 * months by default) - a supervisor's programs ({@code program}, {@code counselor} to narrow it), or with
 * {@code mine=true} a counselor's own caseload - de-identified as the exports are; its files; and the records
 * behind a figure. The service decides who may; this class only speaks HTTP.
 */
@Path("reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "The program report as typed figures, its files, and the records behind a figure")
public class ReportsResource {

    @EJB
    private ProgramReports reports;

    /** The report's figures, de-identified: numbers, and a withheld figure flagged with the reason. */
    @GET
    public ReportFigures report(
            @QueryParam("program") Long program,
            @QueryParam("counselor") String counselor,
            @QueryParam("from")
                    @Parameter(
                            description = "The first day, yyyy-mm-dd (default: the first of the month 11 months ago)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description = "The last day, yyyy-mm-dd (default: today)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String to,
            @QueryParam("mine") boolean mine) {
        return ReportFigures.of(reports.report(filter(program, counselor, from, to, mine)));
    }

    /** The report as a file: {@code format=csv}, {@code xlsx} or {@code pdf}. */
    @GET
    @Path("export")
    @Produces({
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/pdf",
        MediaType.APPLICATION_JSON
    })
    @APIResponse(
            responseCode = "200",
            description = "The de-identified report as a file (Content-Disposition names it)",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response export(
            @QueryParam("format")
                    @Parameter(
                            required = true,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"csv", "xlsx", "pdf"}))
                    String format,
            @QueryParam("program") Long program,
            @QueryParam("counselor") String counselor,
            @QueryParam("from")
                    @Parameter(
                            description = "The first day, yyyy-mm-dd (default: the first of the month 11 months ago)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description = "The last day, yyyy-mm-dd (default: today)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String to,
            @QueryParam("mine") boolean mine) {
        ProgramReports.ExportFormat kind;
        try {
            kind = ProgramReports.ExportFormat.valueOf(format == null ? "" : format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid(
                    Invalid.Subject.REQUEST, Invalid.Reason.written("format", "'format' is csv, xlsx or pdf."));
        }
        ReportFilter filter = filter(program, counselor, from, to, mine);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            reports.export(filter, kind, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type =
                switch (kind) {
                    case CSV -> "text/csv; charset=UTF-8";
                    case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                    case PDF -> "application/pdf";
                };
        StreamingOutput body = out -> out.write(file.toByteArray());
        return Response.ok(body, type)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"hearth-program-report-" + filter.from() + "-to-" + filter.to() + "."
                                + kind.name().toLowerCase(Locale.ROOT) + "\"")
                .build();
    }

    /** The records behind a figure, numbered; {@code identified=true} names their families (audited). */
    @GET
    @Path("list")
    public FigureList list(
            @QueryParam("figure") @Parameter(required = true, schema = @Schema(implementation = ReportFigure.class))
                    String figure,
            @QueryParam("key") String key,
            @QueryParam("identified") boolean identified,
            @QueryParam("program") Long program,
            @QueryParam("counselor") String counselor,
            @QueryParam("from")
                    @Parameter(
                            description = "The first day, yyyy-mm-dd (default: the first of the month 11 months ago)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description = "The last day, yyyy-mm-dd (default: today)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String to,
            @QueryParam("mine") boolean mine) {
        ReportFigure which;
        try {
            which = ReportFigure.valueOf(figure == null ? "" : figure);
        } catch (IllegalArgumentException e) {
            throw new Invalid(
                    Invalid.Subject.REQUEST,
                    Invalid.Reason.written(
                            "figure", "'figure' is one of " + Arrays.toString(ReportFigure.values()) + "."));
        }
        ReportFilter filter = filter(program, counselor, from, to, mine);
        return identified ? reports.identifiedList(filter, which, key) : reports.list(filter, which, key);
    }

    private static ReportFilter filter(Long program, String counselor, String from, String to, boolean mine) {
        LocalDate last = to == null ? ClinicClock.current().today() : QueryDates.day("to", to);
        LocalDate first = from == null ? last.minusMonths(11).withDayOfMonth(1) : QueryDates.day("from", from);
        return new ReportFilter(
                program, counselor == null || counselor.isBlank() ? null : counselor, first, last, mine);
    }
}
