package org.hearth.family;

import jakarta.persistence.EntityManager;

/**
 * Hands out the next case number of an intake year, in the caller's transaction: the sequence row stays
 * locked until the registration commits, so concurrent registrations wait in turn, and a registration
 * that rolls back gives its number back. No gaps, no duplicates.
 */
final class CaseNumberAllocator {

    private final EntityManager em;

    CaseNumberAllocator(EntityManager em) {
        this.em = em;
    }

    CaseNumber next(int intakeYear) {
        Number next = (Number)
                em.createNativeQuery("insert into case_number_sequence (intake_year, last_value) values (?1, 1)"
                                + " on conflict (intake_year) do update set last_value = case_number_sequence.last_value + 1"
                                + " returning last_value")
                        .setParameter(1, intakeYear)
                        .getSingleResult();
        if (next.intValue() > CaseNumber.MAX_SEQUENCE) {
            throw new IllegalStateException("the case numbers of " + intakeYear + " are used up");
        }
        return new CaseNumber(intakeYear, next.intValue());
    }
}
