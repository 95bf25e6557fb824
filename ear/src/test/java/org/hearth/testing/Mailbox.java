package org.hearth.testing;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server sent, as the test SMTP server (started by {@link HearthStack}) received it: for tests that run as
 * the client ({@code @RunAsClient}). Messages are kept for the whole test run, every test's: filter by your own
 * addresses.
 */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private Mailbox() {}

    /** One message received, parsed. */
    public record Mail(
            List<String> to,
            String subject,
            String text,
            List<String> links,
            String messageId,
            Map<String, String> headers) {

        /** The first link whose address contains {@code part}, for tests that follow one. */
        public String link(String part) {
            return links.stream()
                    .filter(link -> link.contains(part))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no link with " + part + " in " + links));
        }
    }

    /** Every message received so far in this test run, oldest first. */
    public static List<Mail> received() {
        return HearthStack.mail().received().stream().map(Mailbox::parse).toList();
    }

    /** The messages received so far to {@code address}, oldest first. */
    public static List<Mail> receivedBy(String address) {
        return received().stream()
                .filter(mail -> mail.to().stream().anyMatch(to -> to.equalsIgnoreCase(address)))
                .toList();
    }

    /**
     * Waits up to {@code timeout} for at least one message to {@code address}, and answers those received by then;
     * fails when none came.
     */
    public static List<Mail> awaitTo(String address, Duration timeout) {
        return awaitTo(address, 1, timeout);
    }

    /** Waits up to {@code timeout} for at least {@code count} messages to {@code address}; fails when fewer came. */
    public static List<Mail> awaitTo(String address, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Mail> mails = receivedBy(address);
            if (mails.size() >= count) {
                return mails;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " message(s) to " + address + " within " + timeout
                        + ", received " + mails.size());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for mail", e);
            }
        }
    }

    /**
     * Stops the test SMTP server as an outage would (connections refused), keeping what it received; the test must
     * {@link #startAgain()} in a {@code finally}.
     */
    public static void stopForAWhile() {
        HearthStack.mail().stopForAWhile();
    }

    /** Starts the SMTP server stopped by {@link #stopForAWhile()} again. */
    public static void startAgain() {
        HearthStack.mail().startAgain();
    }

    static Mail parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            List<String> to = new ArrayList<>();
            Address[] recipients = message.getAllRecipients();
            if (recipients != null) {
                Arrays.stream(recipients)
                        .map(address -> ((jakarta.mail.internet.InternetAddress) address).getAddress())
                        .forEach(to::add);
            }
            String text = text(message);
            List<String> links = new ArrayList<>();
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                links.add(matcher.group());
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : Collections.list(message.getAllHeaders())) {
                headers.putIfAbsent(header.getName(), header.getValue());
            }
            return new Mail(
                    List.copyOf(to),
                    message.getSubject(),
                    text,
                    List.copyOf(links),
                    message.getMessageID(),
                    Collections.unmodifiableMap(headers));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("a received message cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text.replace("\r\n", "\n");
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                    return text(multipart.getBodyPart(i));
                }
            }
        }
        return "";
    }
}
