package org.hearth.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.RunAs;
import org.hearth.testing.Sql;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail in the real database: chained as it is written, final for the application's role (which
 * owns nothing), and every kind of tampering by someone who owns the tables - an entry changed, deleted in
 * the middle, deleted at the end, cut off the end with the head rewritten (against the anchor file outside the
 * database) - found by the check at the right entry. Each test puts back what it broke.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
class AuditChainIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.hearthWith(AuditChainIT.class);
    }

    @Inject
    private AuditTrail trail;

    @Inject
    private AuditVerifier verifier;

    @Inject
    private AuditAnchoring anchoring;

    @Resource(lookup = "java:jboss/datasources/HearthDS")
    private DataSource application;

    @Resource(lookup = "java:jboss/datasources/HearthMigrationDS")
    private DataSource owner;

    @Test
    void entriesAreChainedAsTheyAreWrittenAndTheCheckAgreesWithTheDatabase() {
        String user = writeThree();
        List<List<String>> rows =
                sql().query("select seq, prev_hash, hash from audit_entry where username = ? order by seq", user);

        assertThat(rows).hasSize(3);
        assertThat(Long.parseLong(rows.get(1).get(0)))
                .isEqualTo(Long.parseLong(rows.get(0).get(0)) + 1);
        assertThat(rows.get(1).get(1))
                .as("each names the hash of the one before")
                .isEqualTo(rows.get(0).get(2));
        assertThat(rows.get(2).get(1)).isEqualTo(rows.get(1).get(2));
        assertThat(sql().query("select last_hash from audit_chain_head"))
                .as("the head names the last entry written")
                .isEqualTo(sql().query("select hash from audit_entry order by seq desc limit 1"));

        AuditVerifier.Result result = asAdmin(verifier::verify);
        assertThat(result.verification().isIntact())
                .as("Java recomputes every hash the database wrote: " + result.verification())
                .isTrue();
        assertThat(result.verification().checked()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theApplicationsRoleCanNeitherChangeNorDeleteEntriesNorSwitchOffTriggersNorForgeTheChain() {
        String user = writeThree();
        String id = sql().query("select id from audit_entry where username = ? order by seq limit 1", user)
                .get(0)
                .get(0);

        assertThat(sql().refusal("update audit_entry set reason = 'x' where id = " + id))
                .contains("permission denied");
        assertThat(sql().refusal("delete from audit_entry where id = " + id)).contains("permission denied");
        assertThat(sql().refusal("truncate audit_entry")).contains("permission denied");
        assertThat(sql().refusal("update audit_chain_head set last_seq = 0")).contains("permission denied");
        assertThat(sql().refusal("alter table audit_entry disable trigger audit_entry_final"))
                .contains("must be owner");
        assertThat(sql().refusal("alter table session_note disable trigger session_note_final"))
                .as("nor the signed notes' triggers")
                .contains("must be owner");
        assertThat(new Sql(owner::getConnection).refusal("update audit_entry set reason = 'x' where id = " + id))
                .as("even the owner, while the trigger stands")
                .contains("audit entries are final");

        sql().update(
                        "insert into audit_entry (occurred_at, username, roles, action, outcome, seq, prev_hash, hash)"
                                + " values (now(), ?, '', 'SIGN_IN', 'ALLOWED', 1, repeat('a', 64), repeat('b', 64))",
                        user + "-forged");
        List<String> forged = sql().query("select seq, prev_hash from audit_entry where username = ?", user + "-forged")
                .get(0);
        assertThat(Long.parseLong(forged.get(0)))
                .as("the database numbers it, not the writer")
                .isGreaterThan(3);
        assertThat(forged.get(1)).isNotEqualTo("a".repeat(64));
        assertThat(asAdmin(verifier::verify).verification().isIntact()).isTrue();
    }

    @Test
    void anEntryChangedByTheTablesOwnerIsFoundAtItsNumber() throws SQLException {
        String user = writeThree();
        List<String> second = sql().query("select seq, reason from audit_entry where username = ? order by seq", user)
                .get(1);
        long seq = Long.parseLong(second.get(0));

        asOwnerWithoutTriggers("update audit_entry set reason = 'nothing happened' where seq = " + seq);
        try {
            AuditChain.Verification found = asAdmin(verifier::verify).verification();
            assertThat(found.broken()).isEqualTo(AuditChain.Break.ALTERED);
            assertThat(found.atSeq()).isEqualTo(seq);
            try (Connection c = application.getConnection()) {
                AuditChain.Verification byCommand = VerifyAudit.verify(c);
                assertThat(byCommand.broken())
                        .as("./hearth verify-audit reads the database itself and finds the same")
                        .isEqualTo(AuditChain.Break.ALTERED);
                assertThat(byCommand.atSeq()).isEqualTo(seq);
            }
        } finally {
            asOwnerWithoutTriggers("update audit_entry set reason = '" + second.get(1) + "' where seq = " + seq);
        }
        assertThat(asAdmin(verifier::verify).verification().isIntact()).isTrue();
        try (Connection c = application.getConnection()) {
            assertThat(VerifyAudit.verify(c).isIntact()).isTrue();
        }
    }

    @Test
    void entriesDeletedInTheMiddleOrAtTheEndAreFound() throws SQLException {
        String user = writeThree();
        long middle = Long.parseLong(sql().query("select seq from audit_entry where username = ? order by seq", user)
                .get(1)
                .get(0));

        keepAndDelete(middle);
        AuditChain.Verification deleted = asAdmin(verifier::verify).verification();
        assertThat(deleted.broken()).isEqualTo(AuditChain.Break.MISSING);
        assertThat(deleted.atSeq()).isEqualTo(middle);
        assertThat(deleted.missing()).isEqualTo(1);
        restore(middle);

        long last = Long.parseLong(
                sql().query("select max(seq) from audit_entry").get(0).get(0));
        keepAndDelete(last);
        AuditChain.Verification truncated = asAdmin(verifier::verify).verification();
        assertThat(truncated.broken()).as("the head still names it").isEqualTo(AuditChain.Break.TRUNCATED);
        assertThat(truncated.atSeq()).isEqualTo(last);
        restore(last);
        assertThat(asAdmin(verifier::verify).verification().isIntact()).isTrue();
    }

    @Test
    void entriesCutOffTheEndWithTheHeadRewrittenAreFoundAgainstTheAnchorOutsideTheDatabase() throws SQLException {
        writeThree();
        AuditVerifier.Result anchoredCheck = asAdmin(verifier::verify);
        assertThat(anchoredCheck.verification().isIntact()).isTrue();
        assertThat(anchoredCheck.anchorFile())
                .as("the test server's anchor file (arquillian.xml)")
                .endsWith("audit-anchor");
        AuditAnchorFile.Anchor anchor = anchoredCheck.verification().anchor();
        assertThat(anchor)
                .as("the check anchors the head before it reads the chain")
                .isNotNull();
        List<String> head =
                sql().query("select last_seq, last_hash from audit_chain_head").get(0);
        long end = Long.parseLong(head.get(0));
        long cutTo = anchor.seq() - 1;

        asOwnerWithoutTriggers("create table if not exists audit_entry_cut (like audit_entry);"
                + " delete from audit_entry_cut;"
                + " insert into audit_entry_cut select * from audit_entry where seq > " + cutTo + ";"
                + " delete from audit_entry where seq > " + cutTo + ";"
                + " update audit_chain_head h set last_seq = e.seq, last_hash = e.hash"
                + " from (select seq, hash from audit_entry where seq = " + cutTo + ") e");
        try {
            try (Connection c = application.getConnection()) {
                assertThat(VerifyAudit.verify(c).isIntact())
                        .as("the chain and its rewritten head agree: the check inside the database passes")
                        .isTrue();
                AuditChain.Verification byCommand = VerifyAudit.verify(c, anchoring.anchorFile());
                assertThat(byCommand.broken()).isEqualTo(AuditChain.Break.BEHIND_ANCHOR);
                assertThat(byCommand.checked()).isEqualTo(cutTo);
                assertThat(byCommand.atSeq()).isGreaterThanOrEqualTo(anchor.seq());
            }
            AuditChain.Verification byPage = asAdmin(verifier::verify).verification();
            assertThat(byPage.broken())
                    .as("the administrators' check names the cut too")
                    .isEqualTo(AuditChain.Break.BEHIND_ANCHOR);
            assertThat(byPage.checked()).isEqualTo(cutTo);
        } finally {
            // the check's own entry, written on the cut chain, goes with the cut
            asOwnerWithoutTriggers("delete from audit_entry where seq > " + cutTo + ";"
                    + " insert into audit_entry select * from audit_entry_cut;"
                    + " update audit_chain_head set last_seq = " + end + ", last_hash = '" + head.get(1) + "';"
                    + " delete from audit_entry_cut");
        }
        assertThat(asAdmin(verifier::verify).verification().isIntact()).isTrue();
    }

    @Test
    void onlyAdministratorsCheckTheChain() {
        assertThrows(
                EJBAccessException.class,
                () -> RunAs.user("sup-" + UUID.randomUUID(), Set.of("supervisor"), verifier::verify));
    }

    /** Three entries by a new user, as a service writes them. */
    private String writeThree() {
        String user = "chain-" + UUID.randomUUID().toString().substring(0, 8);
        RunAs.user(user, Set.of("counselor"), () -> {
            trail.record(AuditEvent.allowedOnFamily(AuditAction.READ_FAMILY, "Family", 1, 1));
            trail.record(AuditEvent.denied(AuditAction.READ_NOTE, "SessionNote", 7, "not on the caseload"));
            trail.record(AuditEvent.allowed(AuditAction.SIGN_OUT, null, null));
            return null;
        });
        return user;
    }

    /** The owner deletes an entry, keeping a copy aside to put back. */
    private void keepAndDelete(long seq) throws SQLException {
        asOwnerWithoutTriggers("create table if not exists audit_entry_kept (like audit_entry);"
                + " insert into audit_entry_kept select * from audit_entry where seq = " + seq + ";"
                + " delete from audit_entry where seq = " + seq);
    }

    private void restore(long seq) throws SQLException {
        asOwnerWithoutTriggers("insert into audit_entry select * from audit_entry_kept where seq = " + seq + ";"
                + " delete from audit_entry_kept where seq = " + seq);
    }

    private void asOwnerWithoutTriggers(String statements) throws SQLException {
        try (Connection c = owner.getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter table audit_entry disable trigger user");
            try {
                s.execute(statements);
            } finally {
                s.execute("alter table audit_entry enable trigger user");
            }
        }
    }

    private static <T> T asAdmin(Supplier<T> action) {
        return RunAs.user("admin-" + UUID.randomUUID().toString().substring(0, 8), Set.of("admin"), action);
    }

    private Sql sql() {
        return new Sql(application::getConnection);
    }
}
