package org.hearth.notes;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hearth.groups.GroupSession;
import org.hearth.staff.StaffMember;

/**
 * The note of one support-group meeting: the body, about the group, and a section for each family member who
 * attended. Written by one who led the meeting; final once signed (content hash kept; the database refuses
 * later changes).
 */
@Entity
@Table(name = "group_note")
public class GroupNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_session_id", updatable = false)
    private GroupSession session;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", updatable = false)
    private StaffMember author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoteStatus status = NoteStatus.DRAFT;

    @Column
    private String body;

    @ElementCollection
    @CollectionTable(name = "group_note_section", joinColumns = @JoinColumn(name = "note_id"))
    private List<SectionRow> sections = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "content_hash")
    private String contentHash;

    @Version
    private long version;

    protected GroupNote() {}

    GroupNote(GroupSession session, StaffMember author, List<GroupNotePrivacy.Participant> attending, Instant now) {
        this.session = session;
        this.author = author;
        this.createdAt = now;
        this.updatedAt = now;
        attending.forEach(p -> sections.add(new SectionRow(p.memberId(), p.familyId(), null)));
    }

    /** Replaces the draft's body and the texts of the attending members' sections. */
    void write(String body, Map<Long, String> texts, Instant now) {
        this.body = body;
        for (SectionRow row : sections) {
            String text = texts.get(row.memberId);
            row.text = text == null || text.isBlank() ? null : text.strip();
        }
        this.updatedAt = now;
    }

    void sign(Instant now) {
        signedAt = now.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = signedAt;
        status = NoteStatus.SIGNED;
        contentHash = hash();
    }

    /** SHA-256 of the note, its meeting, author, signing time, body and sections in member order. */
    String hash() {
        StringBuilder text = new StringBuilder()
                .append("groupNote=")
                .append(id)
                .append('\n')
                .append("session=")
                .append(session.getId())
                .append('\n')
                .append("author=")
                .append(author.getUsername())
                .append('\n')
                .append("signedAt=")
                .append(signedAt)
                .append('\n')
                .append("body=")
                .append(escape(body))
                .append('\n');
        sections.stream().sorted(Comparator.comparing(r -> r.memberId)).forEach(r -> text.append("section=")
                .append(r.memberId)
                .append('|')
                .append(r.familyId)
                .append('|')
                .append(escape(r.text))
                .append('\n'));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String escape(String value) {
        return value == null ? "\\0" : value.replace("\\", "\\\\").replace("\n", "\\n");
    }

    public List<GroupNotePrivacy.Section> sections() {
        return sections.stream()
                .sorted(Comparator.comparing(r -> r.memberId))
                .map(r -> new GroupNotePrivacy.Section(r.memberId, r.familyId, r.text))
                .toList();
    }

    public Long getId() {
        return id;
    }

    public GroupSession getSession() {
        return session;
    }

    public StaffMember getAuthor() {
        return author;
    }

    public NoteStatus getStatus() {
        return status;
    }

    public String getBody() {
        return body;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public String getContentHash() {
        return contentHash;
    }

    public long getVersion() {
        return version;
    }

    /** One attending member's section. */
    @Embeddable
    public static class SectionRow {

        @Column(name = "family_member_id", nullable = false)
        private Long memberId;

        @Column(name = "family_id", nullable = false)
        private Long familyId;

        @Column(name = "text")
        private String text;

        protected SectionRow() {}

        SectionRow(Long memberId, Long familyId, String text) {
            this.memberId = memberId;
            this.familyId = familyId;
            this.text = text;
        }
    }
}
