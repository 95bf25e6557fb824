package org.hearth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hearth.audit.AuditChain.Break;
import org.hearth.audit.AuditChain.Head;
import org.hearth.audit.AuditChain.Link;
import org.hearth.audit.AuditChain.Verification;
import org.junit.jupiter.api.Test;

/** The chain as the database writes it, checked; and every way of breaking it found at the right entry. */
class AuditChainTest {

    private static final Instant T = Instant.parse("2026-11-23T14:03:07.123456Z");

    @Test
    void aChainAsWrittenIsIntact() {
        List<Link> chain = chain(5);

        assertThat(verify(chain)).isEqualTo(Verification.intact(5));
        assertThat(AuditChain.verify(List.<Link>of().iterator(), new Head(0, AuditChain.GENESIS)))
                .as("an empty trail")
                .isEqualTo(Verification.intact(0));
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        List<UnaryOperator<Link>> changes = List.of(
                l -> with(l, l.occurredAt().plusNanos(1_000), l.username(), l.reason(), l.familyId(), l.entityId()),
                l -> with(l, l.occurredAt(), "mallory", l.reason(), l.familyId(), l.entityId()),
                l -> with(l, l.occurredAt(), l.username(), "another reason", l.familyId(), l.entityId()),
                l -> with(l, l.occurredAt(), l.username(), l.reason(), 99L, l.entityId()),
                l -> with(l, l.occurredAt(), l.username(), l.reason(), null, l.entityId()),
                l -> with(l, l.occurredAt(), l.username(), l.reason(), l.familyId(), "8"),
                l -> new Link(
                        l.seq(),
                        l.occurredAt(),
                        l.username(),
                        "admin",
                        l.action(),
                        l.entityType(),
                        l.entityId(),
                        l.familyId(),
                        l.clientAddress(),
                        l.outcome(),
                        l.reason(),
                        l.prevHash(),
                        l.hash()),
                l -> new Link(
                        l.seq(),
                        l.occurredAt(),
                        l.username(),
                        l.roles(),
                        "SIGN_OUT",
                        l.entityType(),
                        l.entityId(),
                        l.familyId(),
                        l.clientAddress(),
                        l.outcome(),
                        l.reason(),
                        l.prevHash(),
                        l.hash()),
                l -> new Link(
                        l.seq(),
                        l.occurredAt(),
                        l.username(),
                        l.roles(),
                        l.action(),
                        "Note",
                        l.entityId(),
                        l.familyId(),
                        l.clientAddress(),
                        l.outcome(),
                        l.reason(),
                        l.prevHash(),
                        l.hash()),
                l -> new Link(
                        l.seq(),
                        l.occurredAt(),
                        l.username(),
                        l.roles(),
                        l.action(),
                        l.entityType(),
                        l.entityId(),
                        l.familyId(),
                        "10.0.0.9",
                        l.outcome(),
                        l.reason(),
                        l.prevHash(),
                        l.hash()),
                l -> new Link(
                        l.seq(),
                        l.occurredAt(),
                        l.username(),
                        l.roles(),
                        l.action(),
                        l.entityType(),
                        l.entityId(),
                        l.familyId(),
                        l.clientAddress(),
                        "ALLOWED",
                        l.reason(),
                        l.prevHash(),
                        l.hash()));
        for (UnaryOperator<Link> change : changes) {
            List<Link> chain = chain(4);
            chain.set(2, change.apply(chain.get(2)));

            assertThat(verify(chain)).isEqualTo(new Verification(2, Break.ALTERED, 3L, 0));
        }
    }

    @Test
    void anEntryChangedWithItsHashRecomputedBreaksTheLinkOfTheNext() {
        List<Link> chain = chain(4);
        Link changed = with(chain.get(1), T, "mallory", "nothing to see", 1L, "1");
        chain.set(1, rehashed(changed));

        assertThat(verify(chain)).isEqualTo(new Verification(2, Break.BROKEN_LINK, 3L, 0));
    }

    @Test
    void deletedEntriesAreFoundInTheMiddleAtTheStartAndAtTheEnd() {
        List<Link> middle = chain(6);
        middle.subList(2, 4).clear();
        assertThat(verify(middle, chain(6))).isEqualTo(new Verification(2, Break.MISSING, 3L, 2));

        List<Link> first = chain(3);
        first.remove(0);
        assertThat(verify(first, chain(3))).isEqualTo(new Verification(0, Break.MISSING, 1L, 1));

        List<Link> end = chain(5);
        List<Link> whole = List.copyOf(end);
        end.subList(3, 5).clear();
        assertThat(verify(end, whole)).isEqualTo(new Verification(3, Break.TRUNCATED, 4L, 2));
    }

    @Test
    void swappedEntriesAndAHeadThatDoesNotMatchAreBrokenLinks() {
        List<Link> swapped = chain(4);
        Link second = swapped.get(1);
        swapped.set(1, swapped.get(2));
        swapped.set(2, second);
        assertThat(verify(swapped).broken()).isEqualTo(Break.MISSING);

        List<Link> chain = chain(3);
        assertThat(AuditChain.verify(chain.iterator(), new Head(3, "f".repeat(64))))
                .isEqualTo(new Verification(3, Break.BROKEN_LINK, 3L, 0));
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOtherNorNullConfusedWithEmpty() {
        Link a = link(1, "ab", "c", AuditChain.GENESIS);
        Link b = link(1, "a", "bc", AuditChain.GENESIS);
        Link empty = link(1, "", "c", AuditChain.GENESIS);
        Link none = link(1, null, "c", AuditChain.GENESIS);

        assertThat(AuditChain.hashOf(a)).isNotEqualTo(AuditChain.hashOf(b));
        assertThat(AuditChain.hashOf(empty)).isNotEqualTo(AuditChain.hashOf(none));
    }

    @Test
    void theEncodingIsFixed() {
        // the same vector the database's audit_entry_hash gives (AuditChainIT checks the two agree on real
        // entries); a change here means every stored chain stops verifying
        Link link = new Link(
                1,
                T,
                "carlos",
                "counselor",
                "READ_NOTE",
                "SessionNote",
                "17",
                4L,
                "10.1.2.3",
                "ALLOWED",
                null,
                AuditChain.GENESIS,
                null);

        assertThat(AuditChain.micros(T)).isEqualTo(1_795_442_587_123_456L);
        // SHA-256 of "1:1;16:1795442587123456;6:carlos;9:counselor;9:READ_NOTE;11:SessionNote;2:17;1:4;8:10.1.2.3;
        // 7:ALLOWED;~;64:000...0;", computed apart from this code
        assertThat(AuditChain.hashOf(link))
                .isEqualTo("1ddf179e62588104f58c3532b8f7653146b0b1b7d6f7abe29570f391df88382e");
        assertThat(AuditChain.hashOf(new Link(
                        1,
                        T,
                        "zoë",
                        "counselor",
                        "READ_NOTE",
                        "SessionNote",
                        "17",
                        4L,
                        "10.1.2.3",
                        "ALLOWED",
                        null,
                        AuditChain.GENESIS,
                        null)))
                .as("lengths are UTF-8 bytes")
                .isNotEqualTo(AuditChain.hashOf(new Link(
                        1,
                        T,
                        "zoe",
                        "counselor",
                        "READ_NOTE",
                        "SessionNote",
                        "17",
                        4L,
                        "10.1.2.3",
                        "ALLOWED",
                        null,
                        AuditChain.GENESIS,
                        null)));
    }

    private static Verification verify(List<Link> chain) {
        return verify(chain, chain);
    }

    /** Checks {@code chain} against the head {@code written} left (what the database wrote before any harm). */
    private static Verification verify(List<Link> chain, List<Link> written) {
        Link last = written.get(written.size() - 1);
        return AuditChain.verify(chain.iterator(), new Head(last.seq(), last.hash()));
    }

    private static List<Link> chain(int entries) {
        List<Link> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= entries; seq++) {
            Link link = rehashed(link(seq, "user" + seq, "reason " + seq, previous));
            chain.add(link);
            previous = link.hash();
        }
        return chain;
    }

    private static Link link(long seq, String username, String reason, String previous) {
        return new Link(
                seq,
                T.plusSeconds(seq),
                username,
                "counselor",
                "READ_FAMILY",
                "Family",
                Long.toString(seq),
                1L,
                "127.0.0.1",
                "DENIED",
                reason,
                previous,
                null);
    }

    private static Link with(Link l, Instant at, String username, String reason, Long familyId, String entityId) {
        return new Link(
                l.seq(),
                at,
                username,
                l.roles(),
                l.action(),
                l.entityType(),
                entityId,
                familyId,
                l.clientAddress(),
                l.outcome(),
                reason,
                l.prevHash(),
                l.hash());
    }

    private static Link rehashed(Link l) {
        Link unhashed = new Link(
                l.seq(),
                l.occurredAt(),
                l.username(),
                l.roles(),
                l.action(),
                l.entityType(),
                l.entityId(),
                l.familyId(),
                l.clientAddress(),
                l.outcome(),
                l.reason(),
                l.prevHash(),
                null);
        return new Link(
                l.seq(),
                l.occurredAt(),
                l.username(),
                l.roles(),
                l.action(),
                l.entityType(),
                l.entityId(),
                l.familyId(),
                l.clientAddress(),
                l.outcome(),
                l.reason(),
                l.prevHash(),
                AuditChain.hashOf(unhashed));
    }
}
