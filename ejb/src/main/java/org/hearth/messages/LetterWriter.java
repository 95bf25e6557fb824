package org.hearth.messages;

import java.util.Optional;

/**
 * Writes the text of one kind of message at sending time, from what the message is about as it stands then. A
 * feature offers one per kind it sends, as a CDI bean; the worker picks it by {@link #kind()}.
 *
 * <p>What is written must say nothing clinical: never the kind of session, a group's name, a counselor's name, a
 * substance or the words "family program" (a test reads every template against a list of forbidden words).
 */
public interface LetterWriter {

    MessageKind kind();

    /**
     * The letter for {@code message}, or empty when it should no longer be sent (the session was cancelled, the seat
     * is no longer offered): the worker then withdraws it with {@code reason}.
     */
    Optional<Letter> write(OutboxMessage message, Links links);
}
