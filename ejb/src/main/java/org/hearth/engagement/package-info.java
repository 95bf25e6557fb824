/**
 * Engagement episodes: each loved one's path from refusing treatment to entering it. For now only the
 * episode an intake opens (issue 6 adds the events and the follow-ups). Never visible to the front desk.
 */
package org.hearth.engagement;
