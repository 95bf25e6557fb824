package org.hearth.plans;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The family's answers from interviewing a provider: when, the wait in days, the detox protocol, the medications
 * offered, how the family is involved, the cost after insurance and the aftercare.
 */
public record Interview(
        LocalDate interviewedOn,
        Integer waitDays,
        String detoxProtocol,
        String medicationsOffered,
        String familyInvolvement,
        String costAfterInsurance,
        String aftercare)
        implements Serializable {}
