package org.hearth.messages;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hearth.audit.AuditAction;
import org.hearth.audit.AuditEvent;
import org.hearth.audit.AuditTrail;
import org.hearth.time.ClinicClock;

/**
 * Sends one due message of the outbox, in a transaction of its own, for {@link OutboxWorker}. The message is claimed
 * with {@code for update skip locked}: however many servers run Hearth, one of them sends it, and the lock is held
 * until its outcome is committed.
 *
 * <p>The rules: a message whose time ({@code about_at}) has passed fails "too late"; one out of attempts fails; a
 * member who may no longer be messaged ({@link Outbox#mayMessage}) has it withdrawn, as has a message its
 * {@link LetterWriter} no longer writes. Otherwise it is sent, with the line to stop messages at its end and a
 * Message-ID of its own ({@code <outbox-ID@host>}), and audited without its text. A mail server out of reach, or
 * answering 4xx, gets it tried again later ({@link MailSettings#backoff}); a 5xx for the address fails it for good.
 * The links made for an attempt that failed are deleted in the same transaction.
 */
@Stateless
@PermitAll
public class OutboxSender {

    /** The audit trail's name for the worker. */
    public static final String ACTOR = "hearth-mail";

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ClinicClock clock;

    @Inject
    private Outbox outbox;

    @Inject
    private AuditTrail audit;

    @Inject
    @Any
    private Instance<LetterWriter> writers;

    @Resource(lookup = "java:jboss/mail/Default")
    private Session mailSession;

    /** Sends the next due message, if any; whether there was one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean sendNext() {
        Instant now = clock.now();
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery(
                        """
                        select id from outbox_message
                        where status = 'PENDING' and next_attempt_at <= ?1
                        order by next_attempt_at, id
                        limit 1
                        for update skip locked""")
                .setParameter(1, Timestamp.from(now))
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        OutboxMessage message = em.find(OutboxMessage.class, due.get(0).longValue());
        send(message, now);
        return true;
    }

    private void send(OutboxMessage message, Instant now) {
        if (!message.getAboutAt().isAfter(now)) {
            failForGood(message, "too late: its time had passed before it could be sent", now);
            return;
        }
        if (message.getAttempts() >= MailSettings.maxAttempts()) {
            failForGood(message, "gave up after " + message.getAttempts() + " attempts", now);
            return;
        }
        if (!outbox.mayMessage(message.getMember())) {
            message.withdraw("the member may no longer be sent messages", now);
            return;
        }
        Optional<LetterWriter> writer =
                writers.stream().filter(w -> w.kind() == message.getKind()).findFirst();
        if (writer.isEmpty()) {
            tryAgainLater(message, "nothing writes messages of this kind yet", now);
            return;
        }
        MessageLinks links = new MessageLinks(em, message, now, MailSettings.baseUrl());
        Optional<Letter> letter;
        try {
            letter = writer.get().write(message, links);
        } catch (RuntimeException e) {
            // a fault of the writer must not stop the messages after this one: this one waits, counted
            links.discard();
            LOG.log(Level.WARNING, "Message " + message.getId() + " could not be written", e);
            tryAgainLater(message, "could not be written: " + e.getClass().getSimpleName(), now);
            return;
        }
        if (letter.isEmpty()) {
            links.discard();
            message.withdraw("no longer relevant when it was due", now);
            return;
        }
        Locale language = Letters.languageOf(message.getMember());
        String text = letter.get().text() + "\n\n-- \n" + Letters.optOutLine(language, links.optOut()) + "\n";
        try {
            MimeMessage mail = new IdentifiedMessage(session(), messageId(message));
            mail.setFrom();
            mail.setRecipient(
                    Message.RecipientType.TO,
                    new InternetAddress(message.getMember().getEmail(), true));
            mail.setSubject(letter.get().subject(), "UTF-8");
            mail.setText(text, "UTF-8");
            mail.setSentDate(java.util.Date.from(now));
            String user = MailSettings.smtpUser();
            if (user == null) {
                Transport.send(mail);
            } else {
                Transport.send(mail, user, MailSettings.smtpPassword());
            }
        } catch (MessagingException | RuntimeException e) {
            links.discard();
            String why = failure(e);
            if (refusedForGood(e)) {
                failForGood(message, "refused by the mail server: " + why, now);
            } else {
                tryAgainLater(message, why, now);
            }
            return;
        }
        message.sent(now);
        audit.recordAs(
                ACTOR,
                AuditEvent.allowedOnFamily(
                        AuditAction.SEND_MESSAGE, "OutboxMessage", message.getId(), message.getFamilyId()));
    }

    private void tryAgainLater(OutboxMessage message, String why, Instant now) {
        if (message.getAttempts() + 1 >= MailSettings.maxAttempts()) {
            failForGood(message, "gave up after " + (message.getAttempts() + 1) + " attempts: " + why, now);
            return;
        }
        message.failedFor(
                shorten(why), now.plus(MailSettings.backoff(MailSettings.retryBase(), message.getAttempts() + 1)));
        LOG.info("Message " + message.getId() + " not sent (attempt " + message.getAttempts() + "): " + why);
    }

    private void failForGood(OutboxMessage message, String why, Instant now) {
        message.failed(shorten(why), now);
        LOG.warning("Message " + message.getId() + " failed for good: " + why);
        audit.recordAs(
                ACTOR,
                new AuditEvent(
                        AuditAction.MESSAGE_FAILED,
                        "OutboxMessage",
                        String.valueOf(message.getId()),
                        message.getFamilyId(),
                        org.hearth.audit.AuditOutcome.ALLOWED,
                        shorten(why)));
    }

    /** The mail session, with time limits so a server that does not answer cannot hold the worker. */
    private Session session() {
        Properties properties = new Properties();
        properties.putAll(mailSession.getProperties());
        properties.putIfAbsent("mail.smtp.connectiontimeout", "10000");
        properties.putIfAbsent("mail.smtp.timeout", "20000");
        properties.putIfAbsent("mail.smtp.writetimeout", "20000");
        return Session.getInstance(properties);
    }

    /** The message's own Message-ID: the same at every attempt, so a message received twice shows. */
    static String messageId(OutboxMessage message) {
        String host;
        try {
            host = URI.create(MailSettings.baseUrl()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return "<outbox-" + message.getId() + "@" + (host == null ? "hearth" : host) + ">";
    }

    /** Whether the mail server refused the address for good (a 5xx answer to it). */
    static boolean refusedForGood(Throwable thrown) {
        if (thrown instanceof jakarta.mail.internet.AddressException) {
            return true;
        }
        for (Throwable t = thrown; t != null; t = next(t)) {
            if (t.getClass().getSimpleName().equals("SMTPAddressFailedException") && returnCode(t) >= 500) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static int returnCode(Throwable t) {
        try {
            return ((Number) t.getClass().getMethod("getReturnCode").invoke(t)).intValue();
        } catch (ReflectiveOperationException | ClassCastException e) {
            return -1;
        }
    }

    /** What went wrong, without any address (the mail server's answer may quote it). */
    static String failure(Throwable thrown) {
        StringBuilder why = new StringBuilder();
        for (Throwable t = thrown; t != null && why.length() < 400; t = next(t)) {
            String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (why.indexOf(text) < 0) {
                why.append(why.length() == 0 ? "" : "; ").append(text.strip());
            }
        }
        return why.toString().replaceAll("[^\\s<>;,]+@[^\\s<>;,]+", "(address)");
    }

    private static String shorten(String why) {
        return why.length() <= 300 ? why : why.substring(0, 297) + "...";
    }

    /** A message with the Message-ID given, rather than one Jakarta Mail makes up at each attempt. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
