package org.hearth.providers;

/** A group of people a provider has a program for. */
public enum Population {
    ADOLESCENTS,
    YOUNG_ADULTS,
    ADULT_WOMEN,
    PREGNANT_OR_POSTPARTUM,
    ADULT_MEN,
    SENIORS,
    VETERANS,
    LGBTQ,
    CRIMINAL_JUSTICE
}
