package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompletionsTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final Completions completions = new Completions(Runnable::run, timers, Duration.ofMillis(20));
    private final UUID run = UUID.randomUUID();

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    @Test
    void a_recorded_step_pokes_only_the_waiters_for_that_step_and_an_ending_pokes_all() {
        Counting forCharge = new Counting(run, "charge");
        Counting forEnd = new Counting(run, null);
        Counting otherRun = new Counting(UUID.randomUUID(), "charge");
        completions.add(forCharge);
        completions.add(forEnd);
        completions.add(otherRun);

        completions.progress(run, "charge:1");
        completions.progress(run, "charge");
        completions.fire(run);
        completions.fireAll();

        assertThat(forCharge.pokes).hasValue(3);
        assertThat(forEnd.pokes).hasValue(2);
        assertThat(otherRun.pokes).hasValue(1);
        completions.remove(forCharge);
        completions.remove(forEnd);
        completions.remove(otherRun);
        assertThat(completions.size()).isZero();
    }

    @Test
    void an_async_waiter_is_checked_again_every_poll_until_its_condition_holds() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        AsyncWaiter<String> waiter = new AsyncWaiter<>(run, null,
                () -> reads.incrementAndGet() < 4 ? Optional.empty() : Optional.of(new Waiter.Done<>("done")),
                Runnable::run);

        CompletableFuture<String> result = waiter.start(completions, Duration.ofSeconds(30),
                () -> new FlowException(FlowErrorCode.RESULT_TIMEOUT, "late"), timers);

        assertThat(result.get()).isEqualTo("done");
        await().atMost(Duration.ofSeconds(10)).until(() -> completions.size() == 0);
    }

    @Test
    void closing_ends_async_waiters_and_refuses_new_ones_while_blocking_ones_stay() {
        AsyncWaiter<String> pending = new AsyncWaiter<>(run, null, Optional::empty, Runnable::run);
        CompletableFuture<String> result = pending.start(completions, Duration.ofSeconds(30),
                () -> new FlowException(FlowErrorCode.RESULT_TIMEOUT, "late"), timers);
        Counting blocking = new Counting(run, null);
        completions.add(blocking);

        completions.close();

        assertThat(result).isCompletedExceptionally();
        assertThat(completions.add(new AsyncWaiter<>(run, null, Optional::empty, Runnable::run))).isFalse();
        assertThat(completions.add(new Counting(run, null))).isTrue();
    }

    /** A waiter that only counts how often it is poked. */
    private static final class Counting extends Waiter<Void> {

        final AtomicInteger pokes = new AtomicInteger();

        Counting(UUID runId, String progressKey) {
            super(runId, progressKey, Optional::empty);
        }

        @Override
        void poke() {
            pokes.incrementAndGet();
        }
    }
}
