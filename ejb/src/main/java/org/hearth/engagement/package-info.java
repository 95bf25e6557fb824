/**
 * Engagement episodes: each loved one's path from refusing treatment to entering it - the episode an intake
 * opens, its events (conversations, offers, refusals, entry, retention, voids), the follow-ups they schedule and
 * the readiness rulers over time. Never visible to the front desk.
 */
package org.hearth.engagement;
