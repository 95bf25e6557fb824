package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReportCacheTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private final ReportCache cache = new ReportCache();
    private final AtomicInteger counted = new AtomicInteger();

    @Test
    void aScopeIsCountedOnceWithinTheLifetimeAndEachOtherScopeOnItsOwn() {
        ReportCache.Key program = key(Set.of(1L), null, TODAY);
        ProgramReport first = cache.get(program, () -> counted(Instant.now()));
        ProgramReport again = cache.get(program, () -> counted(Instant.now()));

        assertThat(again).isSameAs(first);
        assertThat(counted).hasValue(1);
        cache.get(key(Set.of(1L), 7L, TODAY), () -> counted(Instant.now()));
        cache.get(key(Set.of(2L), null, TODAY), () -> counted(Instant.now()));
        cache.get(key(Set.of(1L), null, TODAY.plusDays(1)), () -> counted(Instant.now()));
        assertThat(counted)
                .as("another counselor, program or day is another count")
                .hasValue(4);
    }

    @Test
    void aCountOlderThanTheLifetimeIsCountedAgainAndAFreshCountReplacesTheKeptOne() {
        ReportCache.Key program = key(Set.of(1L), null, TODAY);
        cache.put(program, counted(Instant.now().minus(Duration.ofSeconds(301))));
        ProgramReport recounted = cache.get(program, () -> counted(Instant.now()));
        assertThat(counted).hasValue(2);

        ProgramReport fresh = cache.put(program, counted(Instant.now()));
        assertThat(cache.get(program, () -> counted(Instant.now())))
                .isSameAs(fresh)
                .isNotSameAs(recounted);
    }

    @Test
    void theLifetimeIsWholeSecondsFromTheEnvironmentFiveMinutesByDefaultAndZeroTurnsItOff() {
        assertThat(ReportCache.lifetime(null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(ReportCache.lifetime(" 60 ")).isEqualTo(Duration.ofSeconds(60));
        assertThat(ReportCache.lifetime("soon")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ReportCache.lifetime("-5")).isEqualTo(Duration.ZERO);
    }

    private static ReportCache.Key key(Set<Long> programs, Long counselor, LocalDate today) {
        return new ReportCache.Key(
                new ReportScope(programs, counselor, LocalDate.of(2026, 1, 1), today),
                List.of("Family Recovery Program"),
                null,
                false,
                today);
    }

    private ProgramReport counted(Instant asOf) {
        counted.incrementAndGet();
        return new ProgramReport(
                List.of("Family Recovery Program"),
                null,
                false,
                TODAY.minusMonths(1),
                TODAY,
                0,
                List.of(),
                null,
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                0,
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                asOf);
    }
}
