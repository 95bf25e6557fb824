package org.hearth.consent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hearth.notes.GroupNotePrivacy;
import org.hearth.notes.MemberRedaction;
import org.jsoup.Jsoup;

/**
 * What a disclosure under one member's consent says, from the family's record as gathered: only what
 * concerns that member. Family sessions count only where the member was among those booked to attend, group
 * meetings only the member's own, readiness only the member's own rulers. In every note text the family's
 * other members read "[another family member]" and other families' participants "[another participant]", by
 * {@link MemberRedaction}; of a group note only the body and the member's own section go. Change talk and
 * sustain talk, which may be another member's words, are never part of a disclosure; staff names stay.
 */
public final class DisclosureContent {

    private DisclosureContent() {}

    /** A member of the family, as recorded. */
    public record Member(long id, String fullName) {}

    /** The consent and the export: who, for whom, why, under what terms; and the program lines of a summary. */
    public record Facts(
            String program,
            String caseNumber,
            String recipient,
            String purpose,
            long consentId,
            DisclosureScope scope,
            String consentTerms,
            Instant producedAt,
            String producedBy,
            List<String> inProgram) {}

    /** A family session, the members booked to attend it, and its signed note if any. */
    public record FamilySession(
            Instant startsAt, String kind, String status, String counselor, Set<Long> memberIds, Note note) {

        public FamilySession {
            memberIds = Set.copyOf(memberIds);
        }
    }

    /** A signed session note: its author, when signed, and its DAP sections as stored (rich text). */
    public record Note(String author, Instant signedAt, String data, String assessment, String plan) {}

    /** A group meeting the member was marked for, and its signed note if the member has a section in it. */
    public record GroupMeeting(Instant startsAt, String group, String mark, GroupMeetingNote note) {}

    /** A signed group note: the body, the member's own section, and everyone who has a section. */
    public record GroupMeetingNote(
            String author,
            Instant signedAt,
            String body,
            String ownSection,
            List<GroupNotePrivacy.Participant> participants) {

        public GroupMeetingNote {
            participants = List.copyOf(participants);
        }
    }

    /** A readiness ruler from a signed session note: whose, when, and its three values. */
    public record Readiness(Instant on, long memberId, Integer importance, Integer confidence, Integer readiness) {}

    /**
     * The document for {@code member}'s consent. {@code family} is every member of the family (the member
     * included); sessions and readiness may be the whole family's: what is not the member's is left out here.
     */
    public static DisclosureDocument document(
            Facts facts,
            Member member,
            long familyId,
            List<Member> family,
            List<FamilySession> sessions,
            List<GroupMeeting> meetings,
            List<Readiness> readiness,
            ZoneId zone) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        MemberRedaction redaction = familyRedaction(member, family).build();
        List<FamilySession> attended = sessions.stream()
                .filter(s -> s.memberIds().contains(member.id()))
                .toList();
        DisclosureScope scope = facts.scope();
        List<DisclosureDocument.Section> sections = new ArrayList<>();
        if (scope.covers(DisclosureScope.ATTENDANCE)) {
            sections.add(new DisclosureDocument.Section(
                    "Family sessions",
                    attended.stream()
                            .map(s -> when.format(s.startsAt()) + " - " + words(s.kind()) + " - " + words(s.status()))
                            .toList()));
            sections.add(new DisclosureDocument.Section(
                    "Support group meetings",
                    meetings.stream()
                            .map(m -> when.format(m.startsAt()) + " - " + m.group() + " - " + words(m.mark()))
                            .toList()));
        }
        if (scope.covers(DisclosureScope.SUMMARY)) {
            sections.add(new DisclosureDocument.Section("In the program", facts.inProgram()));
            sections.add(new DisclosureDocument.Section(
                    "Readiness to change (rulers 0-10, from signed session notes)",
                    readiness.stream()
                            .filter(r -> r.memberId() == member.id())
                            .map(r -> when.format(r.on()).substring(0, 10) + " - importance " + r.importance()
                                    + ", confidence " + r.confidence() + ", readiness " + r.readiness())
                            .toList()));
        }
        if (scope.covers(DisclosureScope.FULL_RECORD)) {
            sections.add(new DisclosureDocument.Section(
                    "Sessions with their counselor and note",
                    attended.stream()
                            .map(s -> when.format(s.startsAt()) + " - " + words(s.kind()) + " with " + s.counselor()
                                    + " - " + (s.note() != null ? "note signed" : "no signed note"))
                            .toList()));
        }
        if (scope == DisclosureScope.COUNSELING_NOTES) {
            List<String> notes = new ArrayList<>();
            attended.stream().filter(s -> s.note() != null).forEach(s -> {
                Note n = s.note();
                notes.add(when.format(s.startsAt()) + " - " + words(s.kind()) + ", note by " + n.author() + ", signed "
                        + when.format(n.signedAt()));
                notes.add("Data: " + redaction.text(plain(n.data())));
                notes.add("Assessment: " + redaction.text(plain(n.assessment())));
                notes.add("Plan: " + redaction.text(plain(n.plan())));
            });
            sections.add(new DisclosureDocument.Section("SUD counseling notes (signed)", notes));
            List<String> groupNotes = new ArrayList<>();
            meetings.stream().filter(m -> m.note() != null).forEach(m -> {
                GroupMeetingNote n = m.note();
                // the family's other members first, so a name they share with another family reads as theirs
                MemberRedaction.Builder meeting = familyRedaction(member, family);
                n.participants().stream()
                        .filter(p -> p.familyId() != familyId)
                        .forEach(p -> meeting.hide(p.fullName(), MemberRedaction.ANOTHER_PARTICIPANT));
                MemberRedaction forMeeting = meeting.build();
                groupNotes.add(when.format(m.startsAt()) + " - " + m.group() + ", note by " + n.author() + ", signed "
                        + when.format(n.signedAt()));
                groupNotes.add("Group: " + forMeeting.text(plain(n.body())));
                groupNotes.add("Own section: " + forMeeting.text(plain(n.ownSection())));
            });
            sections.add(new DisclosureDocument.Section("Support group notes (signed)", groupNotes));
        }
        return new DisclosureDocument(
                facts.program(),
                member.fullName(),
                facts.caseNumber(),
                facts.recipient(),
                redaction.text(facts.purpose()),
                facts.consentId(),
                scope,
                facts.consentTerms(),
                facts.producedAt(),
                facts.producedBy(),
                sections);
    }

    /** The member kept, the family's other members hidden. */
    private static MemberRedaction.Builder familyRedaction(Member member, List<Member> family) {
        MemberRedaction.Builder redaction = MemberRedaction.builder().keep(member.fullName());
        family.stream()
                .filter(m -> m.id() != member.id())
                .forEach(m -> redaction.hide(m.fullName(), MemberRedaction.ANOTHER_FAMILY_MEMBER));
        return redaction;
    }

    /** A note's rich text as plain text. */
    private static String plain(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }

    /** An enum name as words: FAMILY_THERAPY -> "family therapy". */
    private static String words(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
