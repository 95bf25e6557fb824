package org.hearth.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hearth.audit.AuditAnchorFile.Anchor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anchor file: appended only when the chain moved on, never set back, and read line by line. */
class AuditAnchorFileTest {

    private static final Instant T = Instant.parse("2026-11-23T14:03:07Z");

    @TempDir
    Path folder;

    @Test
    void theHeadIsAppendedOnlyWhenItMovedOnAndAHeadSetBackLeavesTheFileAsItWas() throws IOException {
        AuditAnchorFile file = new AuditAnchorFile(folder.resolve("data/hearth/audit-anchor"));

        assertThat(file.append(new AuditChain.Head(0, AuditChain.GENESIS), T))
                .as("an empty chain")
                .isEmpty();
        assertThat(file.exists()).isFalse();
        assertThat(file.append(head(5, 'a'), T)).contains(new Anchor(5, hash('a'), T));
        assertThat(file.append(head(5, 'a'), T.plusSeconds(60))).isEmpty();
        assertThat(file.append(head(3, 'c'), T.plusSeconds(120)))
                .as("a head set back is not written over the anchor")
                .isEmpty();
        assertThat(file.append(head(5, 'f'), T.plusSeconds(180))).isEmpty();
        assertThat(file.append(head(8, 'b'), T.plusSeconds(240)))
                .contains(new Anchor(8, hash('b'), T.plusSeconds(240)));

        assertThat(Files.readAllLines(file.path()))
                .containsExactly(
                        "5 " + hash('a') + " 2026-11-23T14:03:07Z", "8 " + hash('b') + " 2026-11-23T14:07:07Z");
        assertThat(file.last()).contains(new Anchor(8, hash('b'), T.plusSeconds(240)));
        try (Stream<Anchor> anchors = file.anchors()) {
            assertThat(anchors.toList()).hasSize(2);
        }
    }

    @Test
    void anchorsThatDoNotRiseAreRefusedNamingTheLine() throws IOException {
        AuditAnchorFile file = new AuditAnchorFile(folder.resolve("audit-anchor"));
        Files.write(
                file.path(),
                List.of("5 " + hash('a') + " 2026-11-23T14:03:07Z", "4 " + hash('b') + " 2026-11-23T14:04:07Z"));

        try (Stream<Anchor> anchors = file.anchors()) {
            assertThatThrownBy(anchors::toList)
                    .isInstanceOf(AuditAnchorFile.Unreadable.class)
                    .hasMessage("the audit anchor file " + file.path()
                            + ", line 2: entry 4 comes after entry 5 (anchors only ever rise)");
        }
    }

    @Test
    void theFileIsNamedByTheVariableOrLiesInTheServersDataFolder() {
        assertThat(AuditAnchorFile.configured(Map.of(AuditAnchorFile.VARIABLE, "/var/lib/hearth/anchor"))
                        .map(AuditAnchorFile::path))
                .contains(Path.of("/var/lib/hearth/anchor"));
        String before = System.getProperty("jboss.server.data.dir");
        System.setProperty("jboss.server.data.dir", "/opt/wildfly/standalone/data");
        try {
            assertThat(AuditAnchorFile.configured(Map.of()).map(AuditAnchorFile::path))
                    .contains(Path.of("/opt/wildfly/standalone/data/hearth/audit-anchor"));
        } finally {
            if (before == null) {
                System.clearProperty("jboss.server.data.dir");
            } else {
                System.setProperty("jboss.server.data.dir", before);
            }
        }
    }

    private static AuditChain.Head head(long seq, char fill) {
        return new AuditChain.Head(seq, hash(fill));
    }

    private static String hash(char fill) {
        return String.valueOf(fill).repeat(64);
    }
}
