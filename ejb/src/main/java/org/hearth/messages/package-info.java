/**
 * Messages to family members by email: the outbox ({@link org.hearth.messages.Outbox}, written in the transaction of
 * the booking or change that causes a message), the scheduled worker that sends it through WildFly's mail session
 * with retries, the single-use links a message carries, and each member's choice to receive none.
 *
 * <p>This package knows no feature: a feature that sends a message writes it to the outbox, offers a
 * {@link org.hearth.messages.LetterWriter} that writes its text at sending time, and a
 * {@link org.hearth.messages.LinkAnswer} for the links in it. It must never store a message's text, put anything
 * clinical in one, or depend on a feature's package (appointments, groups) - they depend on it.
 */
package org.hearth.messages;
