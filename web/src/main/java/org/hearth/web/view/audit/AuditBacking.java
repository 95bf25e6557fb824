package org.hearth.web.view.audit;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditQuery;
import org.hearth.audit.AuditReview;
import org.hearth.audit.AuditRow;
import org.hearth.audit.AuditVerifier;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;
import org.hearth.web.view.Downloads;
import org.hearth.web.view.Failures;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * audit/index.xhtml: the audit trail for supervisors (their programs' families) and administrators (all,
 * without clinical content): filters, a lazy table paged in the database, a CSV export of what the filters
 * match, and for administrators the check of the hash chain.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditReview review;

    @EJB
    private AuditVerifier verifier;

    private String username;
    private Long familyId;
    private AuditAction action;
    private LocalDate from;
    private LocalDate to;
    private AuditVerifier.Result verification;

    /** How many entries the filters match, from the last page read; null once the filters change. */
    private Long total;

    private final LazyDataModel<AuditRow> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            if (total == null) {
                total = review.count(query());
            }
            return total.intValue();
        }

        @Override
        public List<AuditRow> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            AuditReview.Page page = review.search(query(), first, pageSize);
            total = page.total();
            setRowCount((int) page.total());
            return page.rows();
        }

        @Override
        public String getRowKey(AuditRow row) {
            return Long.toString(row.seq());
        }
    };

    private AuditQuery query() {
        return new AuditQuery(username, familyId, action, from, to);
    }

    /** The filters changed: the table starts again from the first page with a new count. */
    public void apply() {
        total = null;
    }

    /** Sends what the filters match as a CSV file. */
    public void export() {
        Downloads.send(
                "text/csv; charset=UTF-8",
                "hearth-audit-" + ClinicClock.current().today() + ".csv",
                out -> {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    review.export(query(), ClinicTime.zone(), writer);
                    writer.flush();
                });
    }

    /** Checks the whole chain (administrators). */
    public void verify() {
        try {
            verification = verifier.verify();
        } catch (RuntimeException e) {
            Failures.show(e, "verify-form", Map.of());
        }
    }

    public LazyDataModel<AuditRow> getEntries() {
        return entries;
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public AuditVerifier.Result getVerification() {
        return verification;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null || username.isBlank() ? null : username.strip();
    }

    public Long getFamilyId() {
        return familyId;
    }

    public void setFamilyId(Long familyId) {
        this.familyId = familyId;
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
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
}
