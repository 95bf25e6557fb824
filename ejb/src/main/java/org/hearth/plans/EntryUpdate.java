package org.hearth.plans;

import java.io.Serializable;

/** What the family found out about one shortlisted provider: the interview answers, the slot and pre-authorization. */
public record EntryUpdate(Interview interview, boolean slotAvailable, String slotNote, Preauthorization preauth)
        implements Serializable {}
