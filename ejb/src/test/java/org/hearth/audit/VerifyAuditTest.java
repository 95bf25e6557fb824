package org.hearth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What `./hearth verify-audit` says and the status it exits with (the database side is in AuditChainIT). */
class VerifyAuditTest {

    @Test
    void anIntactChainAndABrokenOneAreReportedWithTheFirstBrokenEntry() {
        assertThat(VerifyAudit.report(AuditChain.Verification.intact(0), "jdbc:x", Optional.empty()))
                .isEqualTo("Audit trail intact: 0 entries checked (jdbc:x).");
        assertThat(VerifyAudit.report(
                        new AuditChain.Verification(99, AuditChain.Break.ALTERED, 100L, 0), "jdbc:x", Optional.empty()))
                .isEqualTo("Audit trail BROKEN: ALTERED at entry 100; 99 entries before it are sound (jdbc:x).");
        assertThat(VerifyAudit.report(
                        new AuditChain.Verification(2, AuditChain.Break.MISSING, 3L, 4), "jdbc:x", Optional.empty()))
                .isEqualTo("Audit trail BROKEN: MISSING at entry 3 (4 missing); 2 entries before it are sound"
                        + " (jdbc:x).");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsSaidPlainlyWithStatus2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = VerifyAudit.run(
                Map.of("DB_URL", "jdbc:postgresql://localhost:1/nowhere"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("Could not read the audit trail at jdbc:postgresql://localhost:1/nowhere (is `./hearth run`"
                        + " running, or DB_URL set?): ");
    }
}
