package org.hearth.engagement;

/** Where a loved one stands on the way into treatment (DESIGN.md section 3, EngagementEpisode). */
public enum EpisodeStatus {
    REFUSING,
    AMBIVALENT,
    PREPARING,
    ENTERED_TREATMENT,
    RETAINED_30,
    RETAINED_90,
    DISENGAGED,
    MOVED_AWAY,
    DECEASED,
    CLOSED_OTHER
}
