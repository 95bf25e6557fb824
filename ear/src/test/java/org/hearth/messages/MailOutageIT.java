package org.hearth.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hearth.testing.Deployments;
import org.hearth.testing.HearthStack;
import org.hearth.testing.Mailbox;
import org.hearth.testing.Mailbox.Mail;
import org.hearth.testing.Sql;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mail server stopped while messages fall due: they stay pending, each with its attempts and the server's
 * answer; once it is started again each arrives exactly once (counted by Message-ID), none lost. The ITs' retry base
 * is 2 seconds (arquillian.xml), so the attempts come quickly. The server is started again whatever happens.
 */
@ExtendWith({HearthStack.class, ArquillianExtension.class})
@RunAsClient
class MailOutageIT {

    private static final int MESSAGES = 4;

    private final Sql database = Sql.testDatabase();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.hearth();
    }

    @Test
    void messagesDueWhileTheMailServerIsDownWaitAndArriveOnceEachWhenItIsBack() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OutboxRows rows = new OutboxRows(database, suffix);
        String email = "outage-" + suffix + "@example.org";
        long[] family = rows.familyWithMember("Outage " + suffix, email, "en");
        List<Long> messages = new ArrayList<>();

        Mailbox.stopForAWhile();
        try {
            for (int i = 0; i < MESSAGES; i++) {
                messages.add(rows.reminderDueNow(family, rows.session(family[0], 30 + i), 2880));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!allTriedTwice(rows, messages) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            for (long message : messages) {
                List<String> state = rows.state(message);
                assertThat(state.get(0)).as("message " + message).isEqualTo("PENDING");
                assertThat(Integer.parseInt(state.get(1))).as("its attempts").isGreaterThanOrEqualTo(2);
                assertThat(state.get(2)).as("the server's answer").isNotBlank().doesNotContain(email);
            }
            assertThat(Mailbox.receivedBy(email)).isEmpty();
        } finally {
            Mailbox.startAgain();
        }

        Mailbox.awaitTo(email, MESSAGES, Duration.ofSeconds(90));
        Thread.sleep(10_000); // rounds of the worker more: nothing twice
        List<Mail> received = Mailbox.receivedBy(email);
        assertThat(received).extracting(Mail::messageId).doesNotHaveDuplicates().hasSize(MESSAGES);
        assertThat(received)
                .extracting(Mail::messageId)
                .containsExactlyInAnyOrderElementsOf(messages.stream()
                        .map(id -> "<outbox-" + id + "@localhost>")
                        .toList());
        for (long message : messages) {
            assertThat(rows.state(message).get(0)).isEqualTo("SENT");
            assertThat(rows.one(
                            "select count(*) from message_link where message_id = cast(? as bigint)",
                            Long.toString(message)))
                    .as("only the links of the attempt that was sent are kept")
                    .isEqualTo("3");
        }
    }

    private static boolean allTriedTwice(OutboxRows rows, List<Long> messages) {
        return messages.stream().allMatch(id -> Integer.parseInt(rows.state(id).get(1)) >= 2);
    }
}
