package org.hearth.web.view.reports;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.hearth.report.FigureList;
import org.hearth.report.ProgramReports;
import org.hearth.report.ReportFigure;
import org.hearth.report.ReportFilter;
import org.hearth.web.view.Downloads;
import org.hearth.web.view.Failures;

/**
 * reports/list.xhtml?figure=&amp;key=&amp;program=&amp;counselor=&amp;from=&amp;to=&amp;mine=: the records behind
 * one figure of the program overview, de-identified; "Show families" names them (case number and name, each a
 * link to the record), which the service audits.
 */
@Named
@ViewScoped
public class ListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ProgramReports reports;

    private ReportFigure figure;
    private String key;
    private Long program;
    private String counselor;
    private LocalDate from;
    private LocalDate to;
    private boolean mine;
    private FigureList list;

    public void load() {
        if (figure == null || from == null || to == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            try {
                faces.getExternalContext().responseSendError(404, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
            return;
        }
        try {
            list = reports.list(filter(), figure, key);
        } catch (RuntimeException e) {
            Failures.show(e, "list-form", Map.of());
        }
    }

    /** Names the families of the rows; audited by the service. */
    public void identify() {
        try {
            list = reports.identifiedList(filter(), figure, key);
        } catch (RuntimeException e) {
            Failures.show(e, "list-form", Map.of());
        }
    }

    /** Sends the identified list as CSV, to act on; audited by the service. */
    public void exportCsv() {
        export(ProgramReports.ExportFormat.CSV, "text/csv; charset=UTF-8", "csv");
    }

    /** Sends the identified list as an Excel workbook; audited by the service. */
    public void exportXlsx() {
        export(
                ProgramReports.ExportFormat.XLSX,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx");
    }

    private void export(ProgramReports.ExportFormat format, String mediaType, String extension) {
        try {
            Downloads.send(
                    mediaType,
                    "hearth-families-"
                            + figure.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + from + "-to-"
                            + to + "." + extension,
                    out -> reports.exportIdentifiedList(filter(), figure, key, format, out));
        } catch (RuntimeException e) {
            Failures.show(e, "list-form", Map.of());
        }
    }

    private ReportFilter filter() {
        return new ReportFilter(program, counselor == null || counselor.isBlank() ? null : counselor, from, to, mine);
    }

    public FigureList getList() {
        return list;
    }

    public ReportFigure getFigure() {
        return figure;
    }

    public void setFigure(ReportFigure figure) {
        this.figure = figure;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public Long getProgram() {
        return program;
    }

    public void setProgram(Long program) {
        this.program = program;
    }

    public String getCounselor() {
        return counselor;
    }

    public void setCounselor(String counselor) {
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
