package org.hearth.family;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;

/** A participating member's own readiness ruler: importance, confidence and readiness to change, 0 to 10. */
@Embeddable
public class MemberReadiness implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "{intake.readiness.member.required}")
    @Column(name = "family_member_id", nullable = false)
    private Long memberId;

    @Min(value = 0, message = "{intake.readiness.range}")
    @Max(value = 10, message = "{intake.readiness.range}")
    private Integer importance;

    @Min(value = 0, message = "{intake.readiness.range}")
    @Max(value = 10, message = "{intake.readiness.range}")
    private Integer confidence;

    @Min(value = 0, message = "{intake.readiness.range}")
    @Max(value = 10, message = "{intake.readiness.range}")
    private Integer readiness;

    public MemberReadiness() {}

    public MemberReadiness(Long memberId, Integer importance, Integer confidence, Integer readiness) {
        this.memberId = memberId;
        this.importance = importance;
        this.confidence = confidence;
        this.readiness = readiness;
    }

    boolean isComplete() {
        return importance != null && confidence != null && readiness != null;
    }

    public Long getMemberId() {
        return memberId;
    }

    public void setMemberId(Long memberId) {
        this.memberId = memberId;
    }

    public Integer getImportance() {
        return importance;
    }

    public void setImportance(Integer importance) {
        this.importance = importance;
    }

    public Integer getConfidence() {
        return confidence;
    }

    public void setConfidence(Integer confidence) {
        this.confidence = confidence;
    }

    public Integer getReadiness() {
        return readiness;
    }

    public void setReadiness(Integer readiness) {
        this.readiness = readiness;
    }
}
