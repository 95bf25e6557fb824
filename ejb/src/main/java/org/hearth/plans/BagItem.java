package org.hearth.plans;

import java.util.EnumSet;
import java.util.Set;

/** What goes into the bag for the first day of treatment: the checklist families are given. */
public enum BagItem {
    PHOTO_ID,
    INSURANCE_CARD,
    MEDICATION_LIST,
    MEDICATIONS_IN_ORIGINAL_BOTTLES,
    CLOTHES_FOR_A_WEEK,
    TOILETRIES,
    PHONE_AND_CHARGER,
    CONTACT_LIST,
    SOME_CASH;

    /**
     * The items without which an intake desk sends people home or cannot treat them safely: a photo ID and the
     * list of medications taken. Hearth counts the bag as packed once these are in.
     */
    public static final Set<BagItem> ESSENTIAL = EnumSet.of(PHOTO_ID, MEDICATION_LIST);
}
