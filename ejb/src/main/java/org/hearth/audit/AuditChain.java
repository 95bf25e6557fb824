package org.hearth.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Objects;

/**
 * The audit trail's hash chain, checked. The database chains every entry as it is inserted (migration V13):
 * the next number of a gapless sequence, the hash of the entry before it, and the SHA-256 of its content and
 * that link; a one-row head keeps the last number and hash. This class recomputes the same hashes, so an
 * entry altered, removed, reordered or cut off the end is found - the first broken link is reported. Entries cut
 * off the end together with a head rewritten to match are found only against the anchors kept outside the
 * database ({@link AuditAnchorFile}): every anchored entry must still be there, with the hash anchored.
 *
 * <p>The encoding is the one {@code audit_entry_hash} uses in V13: each field, in the order of {@link Link},
 * as {@code ~;} when null, otherwise its length in UTF-8 bytes, {@code :}, the text and {@code ;}; the time as
 * microseconds since the epoch (what PostgreSQL keeps); the whole as UTF-8, hashed with SHA-256, in lower-case
 * hex. Changing it breaks every chain already stored.
 */
public final class AuditChain {

    /** The link before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** One entry as chained: every hashed field, and the stored link and hash. */
    public record Link(
            long seq,
            Instant occurredAt,
            String username,
            String roles,
            String action,
            String entityType,
            String entityId,
            Long familyId,
            String clientAddress,
            String outcome,
            String reason,
            String prevHash,
            String hash) {}

    /** The chain's head: the number and hash of the last entry written (0 and {@link #GENESIS} when none). */
    public record Head(long lastSeq, String lastHash) {}

    /** How a chain can break. */
    public enum Break {
        /** An entry's content no longer matches its hash: it was changed. */
        ALTERED,
        /** An entry does not name the hash of the one before it: something before it was changed or moved. */
        BROKEN_LINK,
        /** Numbers are missing: entries were deleted. */
        MISSING,
        /** The head names later entries than the trail holds: entries were deleted at the end. */
        TRUNCATED,
        /**
         * The chain, head and all, ends before an entry that was anchored: entries were cut off the end and the
         * head rewritten to match.
         */
        BEHIND_ANCHOR,
        /** An anchored entry no longer has the hash anchored: the chain was rewritten from there on. */
        ANCHOR_MISMATCH
    }

    /**
     * What a check found: how many entries were checked and, when the chain is broken, how and at which entry
     * number (the first entry missing, for {@link Break#MISSING} and {@link Break#TRUNCATED}; the anchored
     * entry, for {@link Break#BEHIND_ANCHOR} and {@link Break#ANCHOR_MISMATCH}), with how many are missing. The
     * anchor is the one the chain failed, or when intact the last one it matched; null when none was compared.
     */
    public record Verification(long checked, Break broken, Long atSeq, long missing, AuditAnchorFile.Anchor anchor) {

        public Verification(long checked, Break broken, Long atSeq, long missing) {
            this(checked, broken, atSeq, missing, null);
        }

        public static Verification intact(long checked) {
            return new Verification(checked, null, null, 0);
        }

        /** The chain holds up in itself and against its anchors, the last of them this one (null if none). */
        public static Verification intact(long checked, AuditAnchorFile.Anchor lastAnchor) {
            return new Verification(checked, null, null, 0, lastAnchor);
        }

        public boolean isIntact() {
            return broken == null;
        }
    }

    /** The hash of an entry's content and its link to the entry before ({@link Link#prevHash}). */
    public static String hashOf(Link link) {
        StringBuilder text = new StringBuilder(256);
        field(text, Long.toString(link.seq()));
        field(text, Long.toString(micros(link.occurredAt())));
        field(text, link.username());
        field(text, link.roles());
        field(text, link.action());
        field(text, link.entityType());
        field(text, link.entityId());
        field(text, link.familyId() == null ? null : link.familyId().toString());
        field(text, link.clientAddress());
        field(text, link.outcome());
        field(text, link.reason());
        field(text, link.prevHash());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Checks entries given in the order of their numbers against each other and against the head, reading
     * each once (a trail of millions of entries streams through). Stops at the first break.
     */
    public static Verification verify(Iterator<Link> links, Head head) {
        return verify(links, head, Collections.emptyIterator());
    }

    /**
     * As {@link #verify(Iterator, Head)}, and against anchors given in rising order of their numbers: each
     * anchored entry must be in the chain with the hash anchored, and the chain must reach the last one. A
     * break of the chain in itself is reported first.
     */
    public static Verification verify(Iterator<Link> links, Head head, Iterator<AuditAnchorFile.Anchor> anchors) {
        Objects.requireNonNull(head, "the chain's head");
        AuditAnchorFile.Anchor anchor = anchors.hasNext() ? anchors.next() : null;
        AuditAnchorFile.Anchor matched = null;
        long expected = 1;
        String previous = GENESIS;
        long checked = 0;
        while (links.hasNext()) {
            Link link = links.next();
            if (link.seq() > expected) {
                return new Verification(checked, Break.MISSING, expected, link.seq() - expected);
            }
            if (link.seq() < expected) {
                return new Verification(checked, Break.BROKEN_LINK, link.seq(), 0);
            }
            if (!hashOf(link).equals(link.hash())) {
                return new Verification(checked, Break.ALTERED, link.seq(), 0);
            }
            if (!previous.equals(link.prevHash())) {
                return new Verification(checked, Break.BROKEN_LINK, link.seq(), 0);
            }
            if (anchor != null && anchor.seq() == link.seq()) {
                if (!anchor.hash().equals(link.hash())) {
                    return new Verification(checked, Break.ANCHOR_MISMATCH, link.seq(), 0, anchor);
                }
                matched = anchor;
                anchor = anchors.hasNext() ? anchors.next() : null;
            }
            previous = link.hash();
            expected++;
            checked++;
        }
        long last = expected - 1;
        if (head.lastSeq() > last) {
            return new Verification(checked, Break.TRUNCATED, expected, head.lastSeq() - last);
        }
        if (head.lastSeq() < last || !head.lastHash().equals(previous)) {
            return new Verification(checked, Break.BROKEN_LINK, last, 0);
        }
        if (anchor != null) {
            // the furthest anchor says how far the chain had come, so how much at least was cut
            while (anchors.hasNext()) {
                anchor = anchors.next();
            }
            return new Verification(checked, Break.BEHIND_ANCHOR, anchor.seq(), anchor.seq() - last, anchor);
        }
        return Verification.intact(checked, matched);
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("~;");
        } else {
            text.append(value.getBytes(StandardCharsets.UTF_8).length)
                    .append(':')
                    .append(value)
                    .append(';');
        }
    }

    /** Microseconds since the epoch, as PostgreSQL keeps a timestamptz. */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
