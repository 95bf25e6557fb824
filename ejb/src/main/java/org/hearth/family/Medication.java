package org.hearth.family;

/** A loved one's current medication for opioid use disorder, if any. */
public enum Medication {
    NONE,
    METHADONE,
    BUPRENORPHINE,
    NALTREXONE
}
