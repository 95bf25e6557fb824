package org.hearth.wellbeing;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.family.Family;
import org.hearth.family.FamilyMember;

/**
 * One questionnaire a family member answered on a day: the answers as given, the total and band Hearth computed
 * from them, how it was taken and who entered it. Kept as taken: no method changes it after saving.
 */
@Entity
@Table(name = "wellbeing_measure")
public class Measure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id")
    private Family family;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id")
    private FamilyMember member;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Instrument instrument;

    @Column(name = "taken_on", nullable = false)
    private LocalDate takenOn;

    @Column(nullable = false)
    private String answers;

    private Integer difficulty;

    @Column(nullable = false)
    private int total;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Band band;

    @Column(name = "self_harm", nullable = false)
    private boolean selfHarm;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Occasion occasion;

    @Enumerated(EnumType.STRING)
    @Column(name = "taken_by", nullable = false)
    private TakenBy takenBy;

    @Column(name = "entered_by", nullable = false, updatable = false)
    private String enteredBy;

    @Column(name = "entered_at", nullable = false, updatable = false)
    private Instant enteredAt;

    protected Measure() {}

    /** A measure of answers already checked ({@link Scoring#problems} empty), scored here. */
    Measure(
            FamilyMember member,
            Instrument instrument,
            LocalDate takenOn,
            List<Integer> answers,
            Integer difficulty,
            Occasion occasion,
            TakenBy takenBy,
            String enteredBy,
            Instant enteredAt) {
        Scoring.Score score = Scoring.score(instrument, answers);
        this.family = member.getFamily();
        this.member = member;
        this.instrument = instrument;
        this.takenOn = takenOn;
        StringBuilder digits = new StringBuilder();
        answers.forEach(digits::append);
        this.answers = digits.toString();
        this.difficulty = difficulty;
        this.total = score.total();
        this.band = score.band();
        this.selfHarm = score.selfHarm();
        this.occasion = occasion;
        this.takenBy = takenBy;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
    }

    public Long getId() {
        return id;
    }

    public Family getFamily() {
        return family;
    }

    public FamilyMember getMember() {
        return member;
    }

    public Instrument getInstrument() {
        return instrument;
    }

    public LocalDate getTakenOn() {
        return takenOn;
    }

    /** Each item's answer, in order. */
    public List<Integer> getAnswers() {
        return answers.chars().mapToObj(c -> c - '0').toList();
    }

    public Integer getDifficulty() {
        return difficulty;
    }

    public int getTotal() {
        return total;
    }

    public Band getBand() {
        return band;
    }

    public boolean isSelfHarm() {
        return selfHarm;
    }

    public Occasion getOccasion() {
        return occasion;
    }

    public TakenBy getTakenBy() {
        return takenBy;
    }

    public String getEnteredBy() {
        return enteredBy;
    }

    public Instant getEnteredAt() {
        return enteredAt;
    }
}
