package org.hearth.family;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A family's record as the caller may see it. {@code clinical} is null for the front desk: they see
 * demographics, contacts and who counsels the family, never clinical content.
 */
public record FamilyRecord(
        long id,
        String caseNumber,
        String familyName,
        FamilyStatus status,
        String closureReason,
        LocalDate closedOn,
        long programId,
        String program,
        String preferredLanguage,
        ReferralSource referralSource,
        String referralNote,
        LocalDate openedOn,
        LocalDate lastContactOn,
        String primaryCounselor,
        List<Member> members,
        List<AssignmentView> assignments,
        long version,
        Clinical clinical)
        implements Serializable {

    public FamilyRecord {
        members = List.copyOf(members);
        assignments = List.copyOf(assignments);
    }

    /** A member with everything the front desk may keep up to date. */
    public record Member(
            long id,
            String fullName,
            LocalDate dateOfBirth,
            Integer ageYears,
            Relationship relationship,
            String phone,
            String email,
            String preferredLanguage,
            boolean safeToLeaveMessage,
            boolean safeToMail,
            boolean participates)
            implements Serializable {}

    /** What a counselor or supervisor sees beyond the contact details: where the intake stands and the safety flag. */
    public record Clinical(
            IntakeState intakeState,
            boolean safetyFlag,
            List<SafetyScreen.FlagReason> flagReasons,
            boolean childrenInHome,
            boolean offerNaloxone,
            String intakeCompletedBy,
            Instant intakeCompletedAt,
            List<LovedOneSummary> lovedOnes)
            implements Serializable {}

    /** A loved one in one line: who, what they use, the family's view of their stage, their episode's status
     * (the name of an {@code EpisodeStatus}, or null when they have none). */
    public record LovedOneSummary(
            long id,
            String alias,
            Integer ageYears,
            LovedOneRelationship relationship,
            List<Substance> substances,
            StageOfChange stageOfChange,
            Boolean inTreatment,
            String episodeStatus)
            implements Serializable {}

    /** The members as the editing form starts from them. */
    public List<NewFamilyMember> membersAsEntered() {
        return members.stream()
                .map(m -> new NewFamilyMember(
                        m.fullName(),
                        m.dateOfBirth(),
                        m.ageYears(),
                        m.relationship(),
                        m.phone(),
                        m.email(),
                        m.preferredLanguage(),
                        m.safeToLeaveMessage(),
                        m.safeToMail(),
                        m.participates()))
                .toList();
    }
}
