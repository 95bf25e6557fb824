package org.hearth.plans;

/** How one thing a provider offers matches what the loved one needs. */
public enum Fit {
    FITS,
    DOES_NOT_FIT,
    /** The plan or the directory does not say yet. */
    NOT_KNOWN
}
