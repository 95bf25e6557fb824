package org.hearth.family;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A family as the front desk may see it: case number, name, status, program and members' contact
 * details. Never clinical content, so it can be shown in search results and duplicate warnings.
 */
public record FamilyContact(
        long id, String caseNumber, String familyName, FamilyStatus status, String program, List<Member> members)
        implements Serializable {

    public FamilyContact {
        members = List.copyOf(members);
    }

    /** A member's name and the ways to reach them, with whether it is safe to. */
    public record Member(
            String fullName,
            LocalDate dateOfBirth,
            Relationship relationship,
            String phone,
            String email,
            boolean safeToLeaveMessage,
            boolean safeToMail)
            implements Serializable {}

    static FamilyContact of(Family family) {
        return new FamilyContact(
                family.getId(),
                family.getCaseNumber().toString(),
                family.getName(),
                family.getStatus(),
                family.getProgram().getName(),
                family.getMembers().stream()
                        .map(m -> new Member(
                                m.getFullName(),
                                m.getDateOfBirth(),
                                m.getRelationship(),
                                m.getPhone(),
                                m.getEmail(),
                                m.isSafeToLeaveMessage(),
                                m.isSafeToMail()))
                        .toList());
    }
}
