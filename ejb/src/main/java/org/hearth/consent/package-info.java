/**
 * 42 CFR Part 2 consent and disclosure: a family member's consents to disclose their records (recipient,
 * purpose, level, start and expiry; revoked, never changed), the record exports a consent allows (PDF and
 * plain JSON, each stamped with the redisclosure notice), the disclosure ledger and a member's accounting of
 * disclosures.
 */
package org.hearth.consent;
