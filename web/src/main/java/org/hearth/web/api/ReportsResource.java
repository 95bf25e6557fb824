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
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hearth.report.FigureList;
import org.hearth.report.ProgramReports;
import org.hearth.report.ReportExports;
import org.hearth.report.ReportFigure;
import org.hearth.report.ReportFilter;
import org.hearth.report.ReportTables;
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
public class ReportsResource {

    @EJB
    private ProgramReports reports;

    /** The report's de-identified tables: what it covers, then each table's title, headers and rows. */
    public record ReportTablesView(List<String> heading, List<ReportTables.Table> tables) {}

    @GET
    public ReportTablesView report(
            @QueryParam("program") Long program,
            @QueryParam("counselor") String counselor,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("mine") boolean mine) {
        var report = reports.report(filter(program, counselor, from, to, mine));
        return new ReportTablesView(ReportExports.heading(report), ReportTables.of(report));
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
    public Response export(
            @QueryParam("format") String format,
            @QueryParam("program") Long program,
            @QueryParam("counselor") String counselor,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
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
            @QueryParam("figure") String figure,
            @QueryParam("key") String key,
            @QueryParam("identified") boolean identified,
            @QueryParam("program") Long program,
            @QueryParam("counselor") String counselor,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
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
        LocalDate last = to == null ? ClinicClock.current().today() : date("to", to);
        LocalDate first = from == null ? last.minusMonths(11).withDayOfMonth(1) : date("from", from);
        return new ReportFilter(
                program, counselor == null || counselor.isBlank() ? null : counselor, first, last, mine);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(
                    Invalid.Subject.REQUEST, Invalid.Reason.written(name, "'" + name + "' is a date as yyyy-mm-dd."));
        }
    }
}
