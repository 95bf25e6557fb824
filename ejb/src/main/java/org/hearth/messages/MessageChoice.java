package org.hearth.messages;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A member's choice about messages (no row: they may be sent messages when reachable). Changed by the member's own
 * "Stop these messages" link ({@code changedBy} "link"), or by staff with the member's word.
 */
@Entity
@Table(name = "message_choice")
public class MessageChoice {

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Version
    private long version;

    @Column(name = "opted_out", nullable = false)
    private boolean optedOut;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "member_word")
    private String memberWord;

    protected MessageChoice() {}

    MessageChoice(long memberId) {
        this.memberId = memberId;
    }

    void change(boolean optedOut, Instant now, String changedBy, String memberWord) {
        this.optedOut = optedOut;
        this.changedAt = now;
        this.changedBy = changedBy;
        this.memberWord = memberWord;
    }

    public Long getMemberId() {
        return memberId;
    }

    public long getVersion() {
        return version;
    }

    public boolean isOptedOut() {
        return optedOut;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getMemberWord() {
        return memberWord;
    }
}
