package org.hearth.providers;

/** A medication for opioid use disorder a provider offers, or a loved one wants, in its usual formulations. */
public enum OudMedication {
    /** Methadone, dispensed at an opioid treatment program. */
    METHADONE,
    /** Buprenorphine with naloxone, as a film or tablet under the tongue (Suboxone and generics). */
    BUPRENORPHINE_NALOXONE,
    /** Buprenorphine alone, under the tongue (used in pregnancy, among others). */
    BUPRENORPHINE_MONO,
    /** Extended-release buprenorphine, a monthly or weekly injection. */
    BUPRENORPHINE_EXTENDED_RELEASE,
    /** Extended-release naltrexone, a monthly injection that blocks opioids. */
    NALTREXONE_EXTENDED_RELEASE
}
