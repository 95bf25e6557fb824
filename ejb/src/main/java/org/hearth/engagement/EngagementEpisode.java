package org.hearth.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hearth.family.Family;
import org.hearth.family.LovedOne;

/** One loved one's engagement episode. Completing an intake opens one, {@code REFUSING}, per loved one not in treatment. */
@Entity
@Table(name = "engagement_episode")
public class EngagementEpisode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "loved_one_id")
    private LovedOne lovedOne;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EpisodeStatus status;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Version
    private long version;

    protected EngagementEpisode() {}

    /** The episode of a loved one who refuses treatment, as the intake finds them. */
    public static EngagementEpisode refusing(Family family, LovedOne lovedOne, String openedBy, Instant openedAt) {
        EngagementEpisode episode = new EngagementEpisode();
        episode.family = family;
        episode.lovedOne = lovedOne;
        episode.status = EpisodeStatus.REFUSING;
        episode.openedBy = openedBy;
        episode.openedAt = openedAt;
        return episode;
    }

    public Long getId() {
        return id;
    }

    public LovedOne getLovedOne() {
        return lovedOne;
    }

    public EpisodeStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }
}
