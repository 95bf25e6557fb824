package org.hearth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReportCacheTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    /** The background recounts, run when the test says. */
    private final Queue<Runnable> background = new ConcurrentLinkedQueue<>();

    private final ReportCache cache = new ReportCache(Duration.ofSeconds(300), background::add);
    private final AtomicInteger counted = new AtomicInteger();

    @Test
    void aScopeIsCountedOnceWithinTheLifetimeAndEachOtherScopeOnItsOwn() {
        ReportCache.Key program = key(Set.of(1L), null, TODAY);
        ProgramReport first = get(program);
        ProgramReport again = get(program);

        assertThat(again).isSameAs(first);
        assertThat(counted).hasValue(1);
        get(key(Set.of(1L), 7L, TODAY));
        get(key(Set.of(2L), null, TODAY));
        get(key(Set.of(1L), null, TODAY.plusDays(1)));
        assertThat(counted)
                .as("another counselor, program or day is another count")
                .hasValue(4);
        assertThat(background).as("nothing was past its lifetime").isEmpty();
    }

    @Test
    void aCountPastItsLifetimeIsServedWhileItIsCountedAgainInTheBackgroundOnce() {
        ReportCache.Key program = key(Set.of(1L), null, TODAY);
        ProgramReport old = cache.put(program, counted(Instant.now().minus(Duration.ofSeconds(301))));

        assertThat(get(program)).as("the reader does not wait").isSameAs(old);
        assertThat(get(program)).isSameAs(old);
        assertThat(background).as("one recount, however many readers").hasSize(1);
        assertThat(counted).hasValue(1);

        background.poll().run();
        ProgramReport recounted = get(program);
        assertThat(recounted).isNotSameAs(old);
        assertThat(recounted.asOf()).isAfter(old.asOf());
        assertThat(counted).hasValue(2);
        assertThat(background).isEmpty();
    }

    @Test
    void whileOneScopeIsRecountedAnotherStaleScopeIsServedAsItIsAndRecountedAtItsNextRead() {
        ReportCache.Key one = key(Set.of(1L), null, TODAY);
        ReportCache.Key other = key(Set.of(2L), null, TODAY);
        cache.put(one, counted(Instant.now().minus(Duration.ofSeconds(301))));
        ProgramReport otherOld = cache.put(other, counted(Instant.now().minus(Duration.ofSeconds(301))));

        get(one);
        assertThat(get(other)).isSameAs(otherOld);
        assertThat(background).as("nothing queues behind the recount under way").hasSize(1);

        background.poll().run();
        assertThat(get(other))
                .as("still the kept count, its recount now started")
                .isSameAs(otherOld);
        assertThat(background).hasSize(1);
        background.poll().run();
        assertThat(get(other)).isNotSameAs(otherOld);
    }

    @Test
    void aFreshCountReplacesTheKeptOneAndAnOlderCountNeverReplacesANewerOne() {
        ReportCache.Key program = key(Set.of(1L), null, TODAY);
        ProgramReport kept = get(program);
        ProgramReport fresh = cache.put(program, counted(Instant.now().plusSeconds(1)));
        assertThat(get(program)).isSameAs(fresh).isNotSameAs(kept);

        cache.put(program, counted(Instant.now().minusSeconds(60)));
        assertThat(get(program)).as("a recount that finished late").isSameAs(fresh);
    }

    @Test
    void whoAsksForAScopeBeingCountedWaitsForThatCountInsteadOfStartingAnother() throws Exception {
        ReportCache.Key program = key(Set.of(1L), null, TODAY);
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            Future<ProgramReport> first = readers.submit(() -> cache.get(
                    program,
                    () -> {
                        counting.countDown();
                        await(finish);
                        return counted(Instant.now());
                    },
                    () -> counted(Instant.now())));
            assertThat(counting.await(10, TimeUnit.SECONDS)).isTrue();
            Future<ProgramReport> second = readers.submit(() -> get(program));
            Thread.sleep(200);
            assertThat(second).as("waits for the first count").isNotDone();
            finish.countDown();

            assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
            assertThat(counted).hasValue(1);
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void aFailedCountIsThrownToEveryoneWaitingForItAndTheNextReaderCountsAgain() {
        ReportCache.Key program = key(Set.of(1L), null, TODAY);
        RuntimeException failure = new IllegalStateException("a report query failed");
        assertThatThrownBy(() -> cache.get(
                        program,
                        () -> {
                            throw failure;
                        },
                        () -> counted(Instant.now())))
                .isSameAs(failure);
        assertThat(get(program)).isNotNull();
        assertThat(counted).hasValue(1);
    }

    @Test
    void atMostTwoFiguresAreCountedAtATimeHoweverManyAreAsked() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService figures = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                counts.add(figures.submit(() -> cache.figure(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return 1;
                })));
            }
            int done = 0;
            for (Future<Integer> count : counts) {
                done += count.get(10, TimeUnit.SECONDS);
            }
            assertThat(done).isEqualTo(6);
            assertThat(most.get()).isBetween(1, ReportCache.FIGURE_SLOTS);
        } finally {
            figures.shutdownNow();
        }
    }

    @Test
    void withALifetimeOfZeroEveryReadCounts() {
        ReportCache off = new ReportCache(Duration.ZERO, background::add);
        ReportCache.Key program = key(Set.of(1L), null, TODAY);
        off.get(program, () -> counted(Instant.now()), () -> counted(Instant.now()));
        off.get(program, () -> counted(Instant.now()), () -> counted(Instant.now()));
        assertThat(counted).hasValue(2);
        assertThat(background).isEmpty();
    }

    private ProgramReport get(ReportCache.Key key) {
        return cache.get(key, () -> counted(Instant.now()), () -> counted(Instant.now()));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theLifetimeIsWholeSecondsFromTheEnvironmentFiveMinutesByDefaultAndZeroTurnsItOff() {
        assertThat(ReportCache.lifetime(null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(ReportCache.lifetime(" 60 ")).isEqualTo(Duration.ofSeconds(60));
        assertThat(ReportCache.lifetime("soon")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ReportCache.lifetime("-5")).isEqualTo(Duration.ZERO);
    }

    private static ReportCache.Key key(Set<Long> programs, Long counselor, LocalDate today) {
        return new ReportCache.Key(new ReportScope(programs, counselor, LocalDate.of(2026, 1, 1), today), false, today);
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
                TreatmentPath.NONE,
                ResourcesGiven.NONE,
                FamilyWellbeing.NONE,
                asOf);
    }
}
