package org.hearth.messages;

/**
 * The text of one message as it is sent: a subject and a plain-text body, in the member's language. Written at
 * sending time and never stored.
 */
public record Letter(String subject, String text) {}
