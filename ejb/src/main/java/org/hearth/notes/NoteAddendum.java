package org.hearth.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hearth.staff.StaffMember;

/** What the author adds to a signed note: dated, signed, never edited (the database refuses it). */
@Entity
@Table(name = "note_addendum")
public class NoteAddendum {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "note_id", updatable = false)
    private SessionNote note;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", updatable = false)
    private StaffMember author;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "written_at", nullable = false, updatable = false)
    private Instant writtenAt;

    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;

    protected NoteAddendum() {}

    NoteAddendum(SessionNote note, StaffMember author, String body, Instant writtenAt) {
        this.note = note;
        this.author = author;
        this.body = body;
        this.writtenAt = writtenAt.truncatedTo(ChronoUnit.MILLIS);
        this.contentHash = NoteText.hash(this);
    }

    public Long getId() {
        return id;
    }

    public SessionNote getNote() {
        return note;
    }

    public StaffMember getAuthor() {
        return author;
    }

    public String getBody() {
        return body;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    public String getContentHash() {
        return contentHash;
    }
}
