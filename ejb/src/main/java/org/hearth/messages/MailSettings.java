package org.hearth.messages;

import java.time.Duration;

/**
 * The outbox worker's settings, each an environment variable or its system property: {@code HEARTH_BASE_URL} (the
 * links' address; default {@code http://localhost:8080/hearth}), {@code HEARTH_MAIL_RETRY_SECONDS} (the first wait
 * after a failed attempt, doubled at each one, at most 15 minutes; default 60), {@code HEARTH_MAIL_MAX_ATTEMPTS}
 * (default 20), {@code SMTP_USER} / {@code SMTP_PASSWORD} (the worker logs in to the mail server only when set).
 */
public final class MailSettings {

    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private MailSettings() {}

    /** The application's public address, without a trailing slash, that links in messages start with. */
    public static String baseUrl() {
        String value = setting("hearth.base-url", "HEARTH_BASE_URL");
        String url = value == null ? "http://localhost:8080/hearth" : value;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The first wait after a failed attempt. */
    public static Duration retryBase() {
        return Duration.ofSeconds(positive("hearth.mail.retry-seconds", "HEARTH_MAIL_RETRY_SECONDS", 60));
    }

    /** How many attempts a message gets before it fails for good. */
    public static int maxAttempts() {
        return positive("hearth.mail.max-attempts", "HEARTH_MAIL_MAX_ATTEMPTS", 20);
    }

    /** The mail server's login, when it needs one. */
    static String smtpUser() {
        return setting("hearth.smtp.user", "SMTP_USER");
    }

    static String smtpPassword() {
        String value = setting("hearth.smtp.password", "SMTP_PASSWORD");
        return value == null ? "" : value;
    }

    /**
     * The wait before the next attempt after {@code attempts} failed ones: the base, doubled at each failure after
     * the first, at most 15 minutes.
     */
    static Duration backoff(Duration base, int attempts) {
        Duration wait = base;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static int positive(String property, String variable, int otherwise) {
        String value = setting(property, variable);
        if (value == null) {
            return otherwise;
        }
        try {
            int parsed = Integer.parseInt(value);
            return parsed > 0 ? parsed : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? null : value.strip();
    }
}
