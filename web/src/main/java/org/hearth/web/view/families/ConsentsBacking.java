package org.hearth.web.view.families;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.hearth.audit.AuditCsv;
import org.hearth.consent.ConsentView;
import org.hearth.consent.Consents;
import org.hearth.consent.Disclosure;
import org.hearth.consent.DisclosureScope;
import org.hearth.consent.DisclosureView;
import org.hearth.consent.NewConsent;
import org.hearth.family.FamilyRecord;
import org.hearth.family.FamilyRecords;
import org.hearth.time.ClinicClock;
import org.hearth.time.ClinicTime;
import org.hearth.web.security.CurrentStaff;
import org.hearth.web.view.Confirmations;
import org.hearth.web.view.Downloads;
import org.hearth.web.view.Failures;

/**
 * families/consents.xhtml?id=: a family's Part 2 consents (in force first, then revoked and expired, all
 * kept), recording one from the signed form, revoking one, exporting a member's record under one (PDF or
 * JSON, each a disclosure in the ledger), and a member's accounting of disclosures with its CSV.
 */
@Named
@ViewScoped
public class ConsentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Consents consents;

    @EJB
    private FamilyRecords records;

    @Inject
    private CurrentStaff currentStaff;

    private Long id;
    private FamilyRecord family;
    private List<ConsentView> all;

    private Long memberId;
    private String recipientName;
    private String recipientOrganisation;
    private String purpose;
    private DisclosureScope scope;
    private LocalDate signedOn;
    private LocalDate startsOn;
    private LocalDate expiresOn;

    private Long revoking;
    private Long revokingVersion;
    private LocalDate revokedOn;
    private boolean stale;

    private Long accountingMemberId;
    private List<DisclosureView> accounting;

    public void load() {
        try {
            family = records.open(id == null ? -1 : id);
            all = consents.ofFamily(id);
            LocalDate today = ClinicClock.current().today();
            signedOn = today;
            startsOn = today;
            expiresOn = today.plusYears(1);
        } catch (RuntimeException e) {
            Failures.answerLoad(e);
        }
    }

    public void record() {
        try {
            consents.record(
                    id,
                    new NewConsent(
                            memberId,
                            recipientName,
                            recipientOrganisation,
                            purpose,
                            scope,
                            signedOn,
                            startsOn,
                            expiresOn));
            Confirmations.show("consents.recorded");
            all = consents.ofFamily(id);
            recipientName = null;
            recipientOrganisation = null;
            purpose = null;
            scope = null;
        } catch (RuntimeException e) {
            Failures.show(e, "consent-form", Map.of());
        }
    }

    public void startRevoking(ConsentView consent) {
        revoking = consent.id();
        revokingVersion = consent.version();
        revokedOn = ClinicClock.current().today();
        stale = false;
    }

    /**
     * Revokes the consent from the version read when the counselor began; when someone changed it meanwhile the
     * page keeps the typed date, says so and offers the latest ({@link #loadLatest}).
     */
    public void revoke() {
        try {
            consents.revoke(revoking == null ? -1 : revoking, revokedOn, revokingVersion);
            Confirmations.show("consents.revoked");
            all = consents.ofFamily(id);
            revoking = null;
            stale = false;
        } catch (RuntimeException e) {
            stale = Failures.isStale(e);
            Failures.show(e, "revoke-form", Map.of());
        }
    }

    /** Reads the consents again after a conflict; what was being typed for the revocation is dropped. */
    public void loadLatest() {
        all = consents.ofFamily(id);
        revoking = null;
        stale = false;
    }

    /** The last save was refused because someone else changed the consent meanwhile. */
    public boolean isStale() {
        return stale;
    }

    /** Sends the member's record under the consent as a file (a disclosure, entered in the ledger). */
    public void export(long consentId, String format) {
        Consents.Export export;
        try {
            export = consents.disclose(consentId, Disclosure.Format.valueOf(format));
        } catch (RuntimeException e) {
            Failures.show(e, "consents-form", Map.of());
            return;
        }
        Downloads.send(export.mediaType(), export.fileName(), out -> out.write(export.content()));
    }

    public void showAccounting() {
        try {
            accounting = accountingMemberId == null ? null : consents.accountingOf(accountingMemberId);
        } catch (RuntimeException e) {
            Failures.show(e, "accounting-form", Map.of());
        }
    }

    /** The accounting shown, as CSV. */
    public void exportAccounting() {
        showAccounting();
        if (accounting == null) {
            return;
        }
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ClinicTime.zone());
        StringBuilder csv = new StringBuilder(AuditCsv.row(
                "disclosed at", "member", "recipient", "organisation", "purpose", "scope", "format", "by", "sha256"));
        for (DisclosureView d : accounting) {
            csv.append(AuditCsv.row(
                    time.format(d.disclosedAt()),
                    d.memberName(),
                    d.recipientName(),
                    d.recipientOrganisation(),
                    d.purpose(),
                    d.scope().name(),
                    d.format().name(),
                    d.disclosedBy(),
                    d.contentSha256()));
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        Downloads.send(
                "text/csv; charset=UTF-8",
                "accounting-of-disclosures-" + family.caseNumber() + "-" + accountingMemberId + ".csv",
                out -> out.write(content));
    }

    /** Whether the reader records, revokes and exports here (the family's counselors; supervisors export). */
    public boolean isCounselor() {
        return currentStaff.hasRole("counselor");
    }

    public DisclosureScope[] getScopes() {
        return DisclosureScope.values();
    }

    public FamilyRecord getFamily() {
        return family;
    }

    public List<ConsentView> getAll() {
        return all;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getMemberId() {
        return memberId;
    }

    public void setMemberId(Long memberId) {
        this.memberId = memberId;
    }

    public String getRecipientName() {
        return recipientName;
    }

    public void setRecipientName(String recipientName) {
        this.recipientName = recipientName;
    }

    public String getRecipientOrganisation() {
        return recipientOrganisation;
    }

    public void setRecipientOrganisation(String recipientOrganisation) {
        this.recipientOrganisation = recipientOrganisation;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public DisclosureScope getScope() {
        return scope;
    }

    public void setScope(DisclosureScope scope) {
        this.scope = scope;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public void setSignedOn(LocalDate signedOn) {
        this.signedOn = signedOn;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }

    public LocalDate getRevokedOn() {
        return revokedOn;
    }

    public void setRevokedOn(LocalDate revokedOn) {
        this.revokedOn = revokedOn;
    }

    public Long getAccountingMemberId() {
        return accountingMemberId;
    }

    public void setAccountingMemberId(Long accountingMemberId) {
        this.accountingMemberId = accountingMemberId;
    }

    public List<DisclosureView> getAccounting() {
        return accounting;
    }
}
