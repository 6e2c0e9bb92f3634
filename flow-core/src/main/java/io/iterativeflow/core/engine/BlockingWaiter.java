package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.RunState;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A waiter that holds the caller's thread: it checks, then sleeps until poked (a notification or a local transition)
 * or until the poll interval passes, and checks again. The poll makes it correct without notifications.
 */
final class BlockingWaiter<T> extends Waiter<T> {

    private final Semaphore pokes = new Semaphore(0);

    BlockingWaiter(UUID runId, String progressKey, Check<T> check) {
        super(runId, progressKey, check);
    }

    BlockingWaiter(UUID runId, Check<T> check, Function<RunState, Optional<Done<T>>> fromEnd) {
        super(runId, null, check, fromEnd);
    }

    @Override
    void poke() {
        pokes.release();
    }

    T await(Completions registry, Duration timeout, Duration poll, Supplier<FlowException> onTimeout) {
        long deadline = System.nanoTime() + nanos(timeout);
        registry.add(this);
        try {
            while (true) {
                Optional<Done<T>> done = read();
                if (done.isPresent()) {
                    return done.get().value();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw onTimeout.get();
                }
                sleep(Math.min(left, Math.max(1, nanos(poll))));
            }
        } finally {
            registry.remove(this);
        }
    }

    private void sleep(long nanos) {
        try {
            pokes.tryAcquire(nanos, TimeUnit.NANOSECONDS);
            pokes.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowException(FlowErrorCode.RESULT_TIMEOUT, "interrupted while waiting for run " + runId(),
                    runId().toString(), e);
        }
    }
}
