package org.hearth.plans;

import java.io.Serializable;
import org.hearth.engagement.LevelOfCare;
import org.hearth.providers.OudMedication;
import org.hearth.providers.Payment;

/**
 * What the loved one needs from a provider, as the counselor confirms it: the level of care proposed, the payment
 * the loved one would use, the language for treatment (a lower-case ISO 639-1 code such as "en" or "es", or
 * "asl"), and the medication for opioid use disorder wanted (null: none or not known).
 */
public record PlanNeeds(LevelOfCare proposedLevel, Payment payment, String language, OudMedication medicationWanted)
        implements Serializable {}
