package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.RunState;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A waiter that holds no thread: a poke queues one check on the engine's executor, and the registry pokes every such
 * waiter once per poll interval, so it completes without notifications too. A database outage during a re-check
 * is waited out; any other failure of the check completes the future with it.
 */
final class AsyncWaiter<T> extends Waiter<T> {

    private static final Logger LOG = Logger.getLogger(AsyncWaiter.class.getName());

    private final CompletableFuture<T> future = new CompletableFuture<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Executor executor;

    AsyncWaiter(UUID runId, String progressKey, Check<T> check, Executor executor) {
        this(runId, progressKey, check, null, executor);
    }

    AsyncWaiter(UUID runId, String progressKey, Check<T> check, Function<RunState, Optional<Done<T>>> fromEnd,
            Executor executor) {
        super(runId, progressKey, check, fromEnd);
        this.executor = executor;
    }

    /** Registers, checks once on the caller's thread, and arms the timeout. */
    CompletableFuture<T> start(Completions registry, Duration timeout, Supplier<FlowException> onTimeout,
            ScheduledExecutorService timers) {
        if (!registry.add(this)) {
            engineStopped();
            return future;
        }
        future.whenComplete((value, failure) -> registry.remove(this));
        recheck(true);
        if (!future.isDone()) {
            arm(timers, timeout, onTimeout);
        }
        return future;
    }

    @Override
    void poke() {
        if (future.isDone() || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> recheck(false));
        } catch (RejectedExecutionException e) {
            queued.set(false);
        }
    }

    @Override
    void engineStopped() {
        future.completeExceptionally(new FlowException(FlowErrorCode.ENGINE_STOPPED, "the engine stopped while"
                + " waiting for run " + runId() + "; wait on a running engine", runId().toString(), null));
    }

    private void recheck(boolean first) {
        queued.set(false);
        if (future.isDone()) {
            return;
        }
        try {
            read().ifPresent(done -> future.complete(done.value()));
        } catch (FlowException e) {
            if (!first && e.code() == FlowErrorCode.STORE_UNAVAILABLE) {
                LOG.log(Level.FINE, "checking run " + runId() + " failed; checking again at the next poll", e);
                return;
            }
            future.completeExceptionally(e);
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }

    private void arm(ScheduledExecutorService timers, Duration timeout, Supplier<FlowException> onTimeout) {
        try {
            ScheduledFuture<?> timer = timers.schedule(() -> {
                future.completeExceptionally(onTimeout.get());
            }, nanos(timeout), TimeUnit.NANOSECONDS);
            future.whenComplete((value, failure) -> timer.cancel(false));
        } catch (RejectedExecutionException e) {
            engineStopped();
        }
    }
}
