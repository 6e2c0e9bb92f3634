package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.RunState;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The waiters of this instance (result, resultAsync, wait), by run id. A waiter registers before it reads the run
 * (subscribe, then check); then local transitions, notifications from every instance and the periodic re-check
 * poke it, so it never sleeps through a transition it could have seen. Waiters that hold no thread are also poked
 * once per poll interval, by one task started with the first of them.
 */
final class Completions {

    private final Map<UUID, Set<Waiter<?>>> waiters = new ConcurrentHashMap<>();
    private final Executor executor;
    private final ScheduledExecutorService timers;
    private final Duration poll;
    private volatile boolean closed;
    private ScheduledFuture<?> polling;

    /**
     * {@code executor} runs the re-checks of waiters that hold no thread, {@code timers} ends them at timeout and
     * pokes them every {@code poll}.
     */
    Completions(Executor executor, ScheduledExecutorService timers, Duration poll) {
        this.executor = executor;
        this.timers = timers;
        this.poll = poll;
    }

    Executor executor() {
        return executor;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    /** Registers a waiter; false once the engine stopped (then it is not registered). */
    boolean add(Waiter<?> waiter) {
        waiters.compute(waiter.runId(), (id, set) -> {
            Set<Waiter<?>> present = set != null ? set : ConcurrentHashMap.newKeySet();
            present.add(waiter);
            return present;
        });
        if (waiter instanceof AsyncWaiter && (closed || !startPolling())) {
            remove(waiter);
            return false;
        }
        return true;
    }

    private synchronized boolean startPolling() {
        if (closed) {
            return false;
        }
        if (polling == null) {
            try {
                long millis = Math.max(1, poll.toMillis());
                polling = timers.scheduleWithFixedDelay(this::pollAsync, millis, millis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                return false;
            }
        }
        return true;
    }

    void remove(Waiter<?> waiter) {
        waiters.computeIfPresent(waiter.runId(), (id, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }

    /** The run ended, was canceled or changed owner: every waiter on it checks again. */
    void fire(UUID runId) {
        Set<Waiter<?>> set = waiters.get(runId);
        if (set != null) {
            set.forEach(Waiter::poke);
        }
    }

    /**
     * This instance committed the run's final state: every waiter on it gets that state, so a result waiter answers
     * without reading the run again (the state is final: no statement moves a run out of a terminal status).
     */
    void ended(UUID runId, RunState state) {
        Set<Waiter<?>> set = waiters.get(runId);
        if (set != null) {
            set.forEach(w -> w.ended(state));
        }
    }

    /** A step of the run was recorded: its waiters for that step check again. */
    void progress(UUID runId, String cursorKey) {
        Set<Waiter<?>> set = waiters.get(runId);
        if (set != null) {
            set.stream().filter(w -> w.wakesOn(cursorKey)).forEach(Waiter::poke);
        }
    }

    /** Notifications may have been missed (the listener reconnected): every waiter checks again. */
    void fireAll() {
        waiters.values().forEach(set -> set.forEach(Waiter::poke));
    }

    /** The poll fallback of waiters that hold no thread (the others poll by themselves). */
    private void pollAsync() {
        waiters.values().forEach(set -> set.stream().filter(w -> w instanceof AsyncWaiter).forEach(Waiter::poke));
    }

    /** The engine stopped: waiters that hold no thread end with {@code ENGINE_STOPPED}; blocking ones go on polling. */
    void close() {
        synchronized (this) {
            closed = true;
            if (polling != null) {
                polling.cancel(false);
            }
        }
        waiters.values().forEach(set -> set.forEach(Waiter::engineStopped));
    }

    int size() {
        return waiters.values().stream().mapToInt(Set::size).sum();
    }
}
