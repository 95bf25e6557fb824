package org.hearth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hearth.audit.AuditChain.Break;
import org.hearth.audit.AuditChain.Verification;
import org.hearth.launcher.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain in a real database, anchored in a file outside it: a database owner who cuts the chain's end and
 * rewrites its head to match passes the chain's own check, and is caught by the anchors; a chain that only
 * grows passes both. Each test anchors to a file of its own.
 */
class AnchoredAuditChainPostgresTest {

    private static final Instant MORNING = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path folder;

    @Test
    void aTailCutWithItsHeadRewrittenPassesTheChainsOwnCheckButNotTheAnchors() throws Exception {
        AuditAnchorFile anchors = new AuditAnchorFile(folder.resolve("audit-anchor"));
        AuditDatabase.write(5, "cut-" + System.nanoTime());
        AuditChain.Head anchored = AuditDatabase.head();
        assertThat(anchors.append(anchored, MORNING)).isPresent();

        long end = AuditDatabase.cutTheEndAndRewriteTheHead(2);

        assertThat(end).isEqualTo(anchored.lastSeq() - 2);
        try (Connection c = AuditDatabase.application()) {
            assertThat(VerifyAudit.verify(c))
                    .as("without the anchor, the cut chain checks out in itself")
                    .isEqualTo(Verification.intact(end));
            Verification found = VerifyAudit.verify(c, Optional.of(anchors));
            assertThat(found.broken()).isEqualTo(Break.BEHIND_ANCHOR);
            assertThat(found.atSeq()).isEqualTo(anchored.lastSeq());
            assertThat(found.missing()).isEqualTo(2);
            assertThat(found.anchor().anchoredAt()).isEqualTo(MORNING);
        }

        Outcome command = verifyAudit(anchors.path());
        assertThat(command.status()).isEqualTo(1);
        assertThat(command.out())
                .contains("Audit trail BROKEN: the chain ends at entry " + end + " but entry " + anchored.lastSeq()
                        + " was anchored at 2026-11-23T09:00:00Z (" + anchors.path()
                        + "): at least 2 entries were cut off the end");

        AuditDatabase.write(2, "after-the-cut-" + System.nanoTime());
        try (Connection c = AuditDatabase.application()) {
            Verification regrown = VerifyAudit.verify(c, Optional.of(anchors));
            assertThat(regrown.broken())
                    .as("new entries numbered up to the anchored one do not hide the cut: their hashes differ")
                    .isEqualTo(Break.ANCHOR_MISMATCH);
            assertThat(regrown.atSeq()).isEqualTo(anchored.lastSeq());
            assertThat(regrown.checked()).isEqualTo(anchored.lastSeq() - 1);
        }
        assertThat(verifyAudit(anchors.path()).out())
                .contains("Audit trail BROKEN: entry " + anchored.lastSeq() + " is not the entry anchored at"
                        + " 2026-11-23T09:00:00Z");
    }

    @Test
    void aChainThatOnlyGrowsPassesAgainstEveryAnchorAndAnchorsOnlyWhenItMoved() throws Exception {
        AuditAnchorFile anchors = new AuditAnchorFile(folder.resolve("node-1/audit-anchor"));
        String user = "growing-" + System.nanoTime();
        AuditDatabase.write(3, user);
        assertThat(anchors.append(AuditDatabase.head(), MORNING)).isPresent();
        assertThat(anchors.append(AuditDatabase.head(), MORNING.plusSeconds(60)))
                .as("the head did not move: nothing written")
                .isEmpty();
        AuditDatabase.write(2, user);
        AuditChain.Head second = AuditDatabase.head();
        assertThat(anchors.append(second, MORNING.plusSeconds(120))).isPresent();
        AuditDatabase.write(1, user);

        assertThat(Files.readAllLines(anchors.path())).hasSize(2);
        try (Connection c = AuditDatabase.application()) {
            Verification found = VerifyAudit.verify(c, Optional.of(anchors));
            assertThat(found.isIntact()).as(found.toString()).isTrue();
            assertThat(found.checked()).isEqualTo(second.lastSeq() + 1);
            assertThat(found.anchor())
                    .as("the last anchor matched")
                    .isEqualTo(
                            new AuditAnchorFile.Anchor(second.lastSeq(), second.lastHash(), MORNING.plusSeconds(120)));
        }
        Outcome command = verifyAudit(anchors.path());
        assertThat(command.status()).isZero();
        assertThat(command.out())
                .startsWith("Audit trail intact: " + (second.lastSeq() + 1) + " entries checked")
                .contains("the chain still holds entry " + second.lastSeq() + " as anchored at 2026-11-23T09:02:00Z");
    }

    @Test
    void withoutAnAnchorTheCommandSaysSoAndDoesNotPass() throws Exception {
        AuditDatabase.write(1, "unanchored-" + System.nanoTime());

        Outcome noFile = verifyAudit(folder.resolve("nowhere"));
        assertThat(noFile.status()).isEqualTo(3);
        assertThat(noFile.out())
                .contains("WARNING: not compared with an anchor, so entries cut off the end together with the"
                        + " chain's head would not be seen: there is no anchor file at " + folder.resolve("nowhere"));

        Outcome notNamed = verifyAudit(null);
        assertThat(notNamed.status()).isEqualTo(3);
        assertThat(notNamed.out()).contains("HEARTH_AUDIT_ANCHOR_FILE is not set");
    }

    @Test
    void anAnchorFileThatIsNotOneIsRefusedNamingTheLine() throws IOException, SQLException {
        AuditDatabase.write(1, "anchor-file-" + System.nanoTime());
        AuditChain.Head head = AuditDatabase.head();
        Path file = folder.resolve("audit-anchor");
        Files.writeString(file, head.lastSeq() + " " + head.lastHash() + " 2026-11-23T09:00:00Z\nsomething else\n");

        Outcome command = verifyAudit(file);

        assertThat(command.status()).isEqualTo(2);
        assertThat(command.err())
                .contains("Could not read the audit anchor file: the audit anchor file " + file
                        + ", line 2: not \"<entry number> <hash> <time>\": something else");
    }

    private record Outcome(int status, String out, String err) {}

    /** {@code ./hearth verify-audit} on the test database, as the application's role, with this anchor file. */
    private static Outcome verifyAudit(Path anchorFile) throws SQLException {
        EmbeddedDatabase db = AuditDatabase.started();
        Map<String, String> environment = new HashMap<>(Map.of(
                "DB_URL", db.jdbcUrl(),
                "DB_USER", db.user(),
                "DB_PASSWORD", db.password()));
        if (anchorFile != null) {
            environment.put(AuditAnchorFile.VARIABLE, anchorFile.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifyAudit.run(
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
