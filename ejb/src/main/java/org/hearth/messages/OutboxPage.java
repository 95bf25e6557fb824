package org.hearth.messages;

import java.io.Serializable;
import java.util.List;

/** One page of the outbox, newest due first: the page's messages, how many match in all, the page and its size. */
public record OutboxPage(List<OutboxEntry> messages, long total, int page, int pageSize) implements Serializable {

    public OutboxPage {
        messages = List.copyOf(messages);
    }
}
