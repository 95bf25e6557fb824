package org.hearth.web.view.reports;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.hearth.report.EntryCohort;
import org.hearth.report.GroupWaitlist;
import org.hearth.report.ProgramReport;
import org.hearth.report.ProgramReports;
import org.hearth.report.ReportFilter;
import org.hearth.report.Share;
import org.hearth.report.Suppression;
import org.hearth.report.SurvivalPoint;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.BarChart;
import org.hearth.web.view.Downloads;
import org.hearth.web.view.Failures;
import org.hearth.web.view.StepChart;

/**
 * reports/overview.xhtml, the program overview: every figure of {@link ProgramReports} for a range of days -
 * a supervisor's programs (one of them, one counselor of them), or a counselor's own caseload. Shown
 * de-identified: counts of 1 to 4 as "&lt;5", and shares built on them withheld.
 */
@Named
@ViewScoped
public class OverviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The CRAFT trials' range of loved ones entering treatment (DESIGN.md section 2), in percent. */
    static final BigDecimal CRAFT_LOW = new BigDecimal("58.6");

    static final BigDecimal CRAFT_HIGH = new BigDecimal("74");

    @EJB
    private ProgramReports reports;

    @Inject
    private CurrentStaff currentStaff;

    private Long programId;
    private String counselor;
    private LocalDate from;
    private LocalDate to;
    private boolean mine;
    private ProgramReport report;
    private List<SelectItem> programs = List.of();
    private List<SelectItem> counselors = List.of();

    /** The last twelve months up to today, the supervisor's programs (a counselor: their caseload). */
    public void load() {
        LocalDate today = ClinicClock.current().today();
        if (to == null) {
            to = today;
        }
        if (from == null) {
            from = to.minusMonths(11).withDayOfMonth(1);
        }
        boolean supervisor = currentStaff.hasRole("supervisor");
        mine = mine || !supervisor;
        if (supervisor) {
            programs = reports.programsOfCaller().stream()
                    .map(p -> new SelectItem(p.getId(), p.getName()))
                    .toList();
            counselors = reports.counselorsOfCaller().stream()
                    .map(c -> new SelectItem(c.getUsername(), c.getDisplayName()))
                    .toList();
        }
        show(false);
    }

    /** The report for the chosen scope and days counted now, or the reason it cannot be made. */
    public void apply() {
        show(true);
    }

    /** Opening the page may show the scope's count of the last few minutes (it says when); applying counts anew. */
    private void show(boolean fresh) {
        try {
            ReportFilter filter =
                    new ReportFilter(mine ? null : programId, mine ? null : blankToNull(counselor), from, to, mine);
            report = fresh ? reports.freshReport(filter) : reports.report(filter);
        } catch (RuntimeException e) {
            report = null;
            Failures.show(e, "filter-form", Map.of("inOrder", "to", "notTooLong", "to"));
        }
    }

    /** The address of the list behind a figure (its key: a month, a reason, a counselor's id...), same scope. */
    public String listUrl(String figure, Object key) {
        StringBuilder url = new StringBuilder(
                        FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath())
                .append("/reports/list.xhtml?figure=")
                .append(figure);
        if (key != null) {
            url.append("&key=").append(encode(key.toString()));
        }
        if (!mine && programId != null) {
            url.append("&program=").append(programId);
        }
        if (!mine && blankToNull(counselor) != null) {
            url.append("&counselor=").append(encode(counselor));
        }
        return url.append("&from=")
                .append(from)
                .append("&to=")
                .append(to)
                .append("&mine=")
                .append(mine)
                .toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Sends the report as a CSV file. */
    public void exportCsv() {
        export(ProgramReports.ExportFormat.CSV, "text/csv; charset=UTF-8", "csv");
    }

    /** Sends the program report, with its charts, as a PDF. */
    public void exportPdf() {
        export(ProgramReports.ExportFormat.PDF, "application/pdf", "pdf");
    }

    /** Sends the report as an Excel workbook. */
    public void exportXlsx() {
        export(
                ProgramReports.ExportFormat.XLSX,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx");
    }

    private void export(ProgramReports.ExportFormat format, String mediaType, String extension) {
        ReportFilter filter =
                new ReportFilter(mine ? null : programId, mine ? null : blankToNull(counselor), from, to, mine);
        if (from == null || to == null || !filter.isInOrder() || !filter.isNotTooLong()) {
            apply(); // says what is wrong with the days, before any file is begun
            return;
        }
        try {
            Downloads.send(
                    mediaType,
                    "hearth-program-report-" + from + "-to-" + to + "." + extension,
                    out -> reports.export(filter, format, out));
        } catch (RuntimeException e) {
            Failures.show(e, "filter-form", Map.of("inOrder", "to", "notTooLong", "to"));
        }
    }

    /** Treatment entry by intake month, against the CRAFT trials' band; a withheld month has no bar. */
    public String getCohortChart() {
        if (report == null || report.entryByCohort().isEmpty()) {
            return null;
        }
        ResourceBundle text = bundle();
        List<EntryCohort> cohorts = report.entryByCohort();
        return BarChart.over(cohorts.stream().map(c -> c.month().toString()).toList())
                .yAxis(text.getString("reports.overview.entered.axis"), 0, 100)
                .bars(
                        text.getString("reports.overview.entered.bars"),
                        cohorts.stream().map(c -> shownPercent(c.entered())).toList())
                .band(text.getString("reports.overview.craftBand"), CRAFT_LOW, CRAFT_HIGH)
                .toJson();
    }

    /**
     * The time-to-entry curve, in percent not yet in treatment, in the steps the exports show ({@link
     * Suppression#curve}): each step 0 or at least 5 entries and censorings, so no step tells about one or two
     * people.
     */
    public String getCurveChart() {
        if (report == null) {
            return null;
        }
        List<StepChart.Point> points = new ArrayList<>();
        List<StepChart.Point> censored = new ArrayList<>();
        StepChart.Point before = new StepChart.Point(0, 100);
        points.add(before);
        for (SurvivalPoint p : Suppression.curve(report.timeToEntry())) {
            StepChart.Point point = new StepChart.Point(
                    p.day(), BigDecimal.valueOf(p.notEnteredYet() * 100).setScale(1, RoundingMode.HALF_UP));
            if (p.censored() > 0) {
                // censored somewhere in the step's days: a tick on its flat run, at the level the curve held
                censored.add(new StepChart.Point(
                        BigDecimal.valueOf(before.x().doubleValue() + p.day())
                                .divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP),
                        before.y()));
            }
            points.add(point);
            before = point;
        }
        if (points.size() < 2) {
            return null;
        }
        ResourceBundle text = bundle();
        return StepChart.of(
                        text.getString("reports.overview.curve.x"),
                        text.getString("reports.overview.curve.y"),
                        text.getString("reports.overview.curve.line"),
                        points)
                .withMarks(text.getString("reports.overview.curve.censored"), censored)
                .toJson();
    }

    /**
     * The day counting stopped ("7 Dec 2026"), when the range ends after the day the figures were counted; null
     * when they cover the whole range.
     */
    public String getCountedUpTo() {
        if (report == null || !report.stoppedBeforeEnd()) {
            return null;
        }
        return DateTimeFormatter.ofPattern(
                        "d MMM yyyy",
                        FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(report.countedUpTo());
    }

    /**
     * The median time to entry read off the curve as shown ({@link ProgramReport#medianTimeToEntry}), in days;
     * "not reached" when the curve stays above half, "-" when no curve is shown.
     */
    public String getMedianOnCurve() {
        if (report == null) {
            return "-";
        }
        Integer median = report.medianTimeToEntry();
        if (median != null) {
            return median.toString();
        }
        return report.shownCurve().isEmpty() ? "-" : bundle().getString("reports.overview.medianOnCurve.notReached");
    }

    /**
     * A "did not arrive" reason in words: the report's own label for a code it knows, the code as written for one it
     * does not.
     */
    public String lostReason(String code) {
        ResourceBundle text = bundle();
        String key = "report.referrals.lost." + code;
        return text.containsKey(key) ? text.getString(key) : code;
    }

    /** When the figures shown were counted, as the clinic's clock reads it (HH:mm). */
    public String getAsOf() {
        return report == null
                ? ""
                : DateTimeFormatter.ofPattern("HH:mm")
                        .withZone(ClinicTime.zone())
                        .format(report.asOf());
    }

    /** A count as the report shows it: "&lt;5" for 1 to 4. */
    public String count(long count) {
        return Suppression.count(count);
    }

    /** A share as a whole percent, "n&lt;5" when it rests on a small count, "-" when there is nothing. */
    public String percent(Share share) {
        return Suppression.percent(share);
    }

    /** The part of a share beside its whole: "&lt;5" when the share is withheld. */
    public String part(Share share) {
        return Suppression.part(share);
    }

    /** A median or mean, to one decimal; "-" when there is none. */
    public String decimal(Double value) {
        return value == null
                ? "-"
                : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** A median or mean, shown only when it rests on at least 5 ("n&lt;5" otherwise). */
    public String decimalOf(Double value, long over) {
        return Suppression.isSmall(over) ? Suppression.SUPPRESSED_SHARE : decimal(value);
    }

    /** A fraction (0.377) as a percent to one decimal ("37.7%"); "-" when there is none. */
    public String percentOf(BigDecimal fraction) {
        return fraction == null
                ? "-"
                : fraction.multiply(BigDecimal.valueOf(100))
                                .setScale(1, RoundingMode.HALF_UP)
                                .toPlainString() + "%";
    }

    /** The groups with someone waiting now; the others would only fill the table. */
    public List<GroupWaitlist> getWaitlists() {
        return report == null
                ? List.of()
                : report.waitlists().stream().filter(w -> w.waiting() > 0).toList();
    }

    private static BigDecimal shownPercent(Share share) {
        if (share.whole() == 0 || Suppression.isSuppressed(share)) {
            return null;
        }
        return share.fraction().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "i18n");
    }

    /** What the report covers, in words: the programs (and the counselor), or the reader's own caseload. */
    public String getScopeLabel() {
        if (report == null) {
            return "";
        }
        if (report.mine()) {
            return bundle().getString("reports.overview.scope.mine");
        }
        String programs = report.programNames().isEmpty() ? "-" : String.join(", ", report.programNames());
        return report.counselorName() == null ? programs : programs + " · " + report.counselorName();
    }

    public boolean isSupervisor() {
        return currentStaff.hasRole("supervisor");
    }

    public boolean isCounselor() {
        return currentStaff.hasRole("counselor");
    }

    public ProgramReport getReport() {
        return report;
    }

    public List<SelectItem> getPrograms() {
        return programs;
    }

    public List<SelectItem> getCounselors() {
        return counselors;
    }

    public Long getProgramId() {
        return programId;
    }

    public void setProgramId(Long programId) {
        this.programId = programId;
    }

    public String getCounselorUsername() {
        return counselor;
    }

    public void setCounselorUsername(String counselor) {
        this.counselor = counselor;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public boolean isMine() {
        return mine;
    }

    public void setMine(boolean mine) {
        this.mine = mine;
    }
}
