package org.hearth.engagement;

/**
 * The kind of treatment a loved one entered, as the ASAM levels and the medications for opioid use disorder name
 * them in a family's words. Recorded with every move to {@link EpisodeStatus#ENTERED_TREATMENT}.
 */
public enum LevelOfCare {
    /** Withdrawal management (detox): a few days of medically supervised withdrawal. */
    WITHDRAWAL_MANAGEMENT,
    /** Residential or inpatient treatment: living at the program for weeks. */
    RESIDENTIAL,
    /** Partial hospitalization (PHP): most of the day at the program, nights at home. */
    PARTIAL_HOSPITALIZATION,
    /** Intensive outpatient (IOP): several sessions a week while living at home. */
    INTENSIVE_OUTPATIENT,
    /** Outpatient counseling: a session or two a week. */
    OUTPATIENT,
    /** Opioid treatment program: methadone dispensed at a licensed clinic. */
    OPIOID_TREATMENT_PROGRAM,
    /** Office-based buprenorphine, prescribed by a doctor or nurse practitioner. */
    OFFICE_BASED_BUPRENORPHINE,
    /** Naltrexone (extended-release injection or tablets), which blocks opioids rather than replacing them. */
    NALTREXONE,
    /** Peer recovery support: a recovery coach or peer specialist. */
    PEER_RECOVERY_SUPPORT;

    /**
     * Whether leaving this care leaves the loved one without their opioid tolerance: true for withdrawal management
     * and residential stays, which are abstinence-based, so a return to use at the old dose right after them can be
     * fatal. Medication (methadone, buprenorphine) keeps tolerance; naltrexone blocks opioids while it lasts and
     * outpatient care does not by itself take tolerance away, so Hearth does not count them here.
     */
    public boolean lowersTolerance() {
        return this == WITHDRAWAL_MANAGEMENT || this == RESIDENTIAL;
    }
}
