package org.hearth.family;

/** How a loved one takes what they use. */
public enum Route {
    INJECTION,
    SMOKING,
    SNORTING,
    ORAL
}
