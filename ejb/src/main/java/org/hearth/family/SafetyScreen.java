package org.hearth.family;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The intake's safety screen. Each answer is yes, no, or not asked yet (null). A positive screen
 * (intimidation or violence at home, anyone at risk of suicide, or any overdose risk factor) flags the
 * family on every screen a counselor sees. Any overdose risk factor without naloxone known to be in the
 * home prompts the counselor to offer naloxone.
 */
public class SafetyScreen implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Why a family is flagged, in the order a counselor should read them. */
    public enum FlagReason {
        DOMESTIC_VIOLENCE,
        SUICIDE_RISK,
        OVERDOSE_RISK,
        /** Raised after intake: a member's PHQ-9 item 9 answer above 0 ({@link SafetyFlags#raise}). */
        MEMBER_SELF_HARM
    }

    private Boolean domesticViolence;
    private Boolean childrenInHome;
    private Boolean suicideRisk;
    private Boolean lostTolerance;
    private Boolean usingAlone;
    private Boolean fentanyl;
    private Boolean mixingWithDepressants;
    private Boolean naloxoneInHome;

    public SafetyScreen() {}

    public SafetyScreen(
            Boolean domesticViolence,
            Boolean childrenInHome,
            Boolean suicideRisk,
            Boolean lostTolerance,
            Boolean usingAlone,
            Boolean fentanyl,
            Boolean mixingWithDepressants,
            Boolean naloxoneInHome) {
        this.domesticViolence = domesticViolence;
        this.childrenInHome = childrenInHome;
        this.suicideRisk = suicideRisk;
        this.lostTolerance = lostTolerance;
        this.usingAlone = usingAlone;
        this.fentanyl = fentanyl;
        this.mixingWithDepressants = mixingWithDepressants;
        this.naloxoneInHome = naloxoneInHome;
    }

    /** Any overdose risk factor: lost tolerance, using alone, fentanyl, or mixing with alcohol or benzodiazepines. */
    public boolean isOverdoseRisk() {
        return yes(lostTolerance) || yes(usingAlone) || yes(fentanyl) || yes(mixingWithDepressants);
    }

    /** The reasons for the safety flag; empty when the screen is negative or not answered yet. */
    public List<FlagReason> getFlagReasons() {
        List<FlagReason> reasons = new ArrayList<>();
        if (yes(domesticViolence)) {
            reasons.add(FlagReason.DOMESTIC_VIOLENCE);
        }
        if (yes(suicideRisk)) {
            reasons.add(FlagReason.SUICIDE_RISK);
        }
        if (isOverdoseRisk()) {
            reasons.add(FlagReason.OVERDOSE_RISK);
        }
        return reasons;
    }

    public boolean isPositive() {
        return !getFlagReasons().isEmpty();
    }

    /** An overdose risk and no naloxone known to be in the home (not answered counts as not known). */
    public boolean isOfferNaloxone() {
        return isOverdoseRisk() && !yes(naloxoneInHome);
    }

    /** The questions not answered yet, by field name. */
    public List<String> unanswered() {
        List<String> missing = new ArrayList<>();
        if (domesticViolence == null) missing.add("domesticViolence");
        if (childrenInHome == null) missing.add("childrenInHome");
        if (suicideRisk == null) missing.add("suicideRisk");
        if (lostTolerance == null) missing.add("lostTolerance");
        if (usingAlone == null) missing.add("usingAlone");
        if (fentanyl == null) missing.add("fentanyl");
        if (mixingWithDepressants == null) missing.add("mixingWithDepressants");
        if (naloxoneInHome == null) missing.add("naloxoneInHome");
        return missing;
    }

    private static boolean yes(Boolean answer) {
        return Boolean.TRUE.equals(answer);
    }

    public Boolean getDomesticViolence() {
        return domesticViolence;
    }

    public void setDomesticViolence(Boolean domesticViolence) {
        this.domesticViolence = domesticViolence;
    }

    public Boolean getChildrenInHome() {
        return childrenInHome;
    }

    public void setChildrenInHome(Boolean childrenInHome) {
        this.childrenInHome = childrenInHome;
    }

    public Boolean getSuicideRisk() {
        return suicideRisk;
    }

    public void setSuicideRisk(Boolean suicideRisk) {
        this.suicideRisk = suicideRisk;
    }

    public Boolean getLostTolerance() {
        return lostTolerance;
    }

    public void setLostTolerance(Boolean lostTolerance) {
        this.lostTolerance = lostTolerance;
    }

    public Boolean getUsingAlone() {
        return usingAlone;
    }

    public void setUsingAlone(Boolean usingAlone) {
        this.usingAlone = usingAlone;
    }

    public Boolean getFentanyl() {
        return fentanyl;
    }

    public void setFentanyl(Boolean fentanyl) {
        this.fentanyl = fentanyl;
    }

    public Boolean getMixingWithDepressants() {
        return mixingWithDepressants;
    }

    public void setMixingWithDepressants(Boolean mixingWithDepressants) {
        this.mixingWithDepressants = mixingWithDepressants;
    }

    public Boolean getNaloxoneInHome() {
        return naloxoneInHome;
    }

    public void setNaloxoneInHome(Boolean naloxoneInHome) {
        this.naloxoneInHome = naloxoneInHome;
    }
}
