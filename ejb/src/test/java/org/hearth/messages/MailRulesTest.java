package org.hearth.messages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worker's rules that need no server: the waits between attempts, the links' tokens, what a failure says. */
class MailRulesTest {

    @Test
    void theWaitDoublesFromTheBaseAtEachFailureAndStopsAtFifteenMinutes() {
        Duration base = Duration.ofSeconds(60);
        assertThat(MailSettings.backoff(base, 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailSettings.backoff(base, 2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(MailSettings.backoff(base, 3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(MailSettings.backoff(base, 4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(MailSettings.backoff(base, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(MailSettings.backoff(base, 40)).isEqualTo(Duration.ofMinutes(15));
        assertThat(MailSettings.backoff(Duration.ofSeconds(2), 3)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aTokenIs32RandomBytesInBase64UrlAndOnlyItsSha256IsKept() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = LinkTokens.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(LinkTokens.wellFormed(token)).isTrue();
            tokens.add(token);
        }
        assertThat(tokens).as("no token twice").hasSize(1000);

        assertThat(LinkTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String token = LinkTokens.newToken();
        assertThat(LinkTokens.hash(token))
                .hasSize(64)
                .isEqualTo(LinkTokens.hash(token))
                .doesNotContain(token);
        assertThat(LinkTokens.wellFormed("../etc/passwd")).isFalse();
        assertThat(LinkTokens.wellFormed(null)).isFalse();
    }

    @Test
    void aServerOutOfReachIsTriedAgainAndItsAnswerIsKeptWithoutAnyAddress() {
        MessagingException down = new MessagingException(
                "Couldn't connect to host, port: localhost, 3025", new ConnectException("refused"));
        assertThat(OutboxSender.refusedForGood(down)).isFalse();
        assertThat(OutboxSender.failure(down)).contains("Couldn't connect", "refused");

        SendFailedException rejected = new SendFailedException("550 5.1.1 <ana@example.org>: user unknown");
        assertThat(OutboxSender.failure(rejected))
                .doesNotContain("ana@example.org")
                .contains("(address)");
    }
}
