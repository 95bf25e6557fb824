package org.hearth.family;

/** What a loved one uses. */
public enum Substance {
    HEROIN,
    FENTANYL,
    PRESCRIPTION_OPIOIDS,
    METHAMPHETAMINE,
    COCAINE,
    ALCOHOL,
    BENZODIAZEPINES,
    CANNABIS,
    OTHER
}
