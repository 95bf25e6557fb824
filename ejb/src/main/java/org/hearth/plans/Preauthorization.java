package org.hearth.plans;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The payer's pre-authorization for one shortlisted provider: where it stands, the payer, the payer's reference,
 * the day it was requested and the day it was approved or denied.
 */
public record Preauthorization(
        PreauthState state, String payer, String reference, LocalDate requestedOn, LocalDate decidedOn)
        implements Serializable {}
