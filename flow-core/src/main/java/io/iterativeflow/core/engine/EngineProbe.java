package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.ListenerState;
import io.iterativeflow.core.spi.QueueStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What health checks and metrics read about one engine: whether it runs, when its dispatcher last claimed, the
 * listener state, and the queue. Queue figures come from the database at most once per {@link #QUEUE_CACHE} of
 * engine time, however often they are read.
 */
public final class EngineProbe {

    /** How long queue figures are reused before the database is asked again. */
    public static final Duration QUEUE_CACHE = Duration.ofSeconds(5);
    /** Poll intervals without a claim round, while work is ready, after which the dispatcher counts as stalled. */
    public static final int STALL_POLLS = 10;
    private static final Duration MIN_STALL = Duration.ofSeconds(30);

    private final EngineParts parts;
    private final Supplier<Optional<Instant>> lastRound;
    private final Supplier<Optional<Instant>> startedAt;
    private final BooleanSupplier running;
    private final Supplier<ListenerState> listener;
    private final Supplier<Optional<String>> listenerDisabledBecause;
    private volatile Cached cached;

    private record Cached(QueueStats stats, Instant readAt) {
    }

    EngineProbe(EngineParts parts, Supplier<Optional<Instant>> lastRound, Supplier<Optional<Instant>> startedAt,
            BooleanSupplier running, Supplier<ListenerState> listener,
            Supplier<Optional<String>> listenerDisabledBecause) {
        this.parts = parts;
        this.lastRound = lastRound;
        this.startedAt = startedAt;
        this.running = running;
        this.listener = listener;
        this.listenerDisabledBecause = listenerDisabledBecause;
    }

    public boolean running() {
        return running.getAsBoolean();
    }

    public Optional<Instant> startedAt() {
        return startedAt.get();
    }

    /** When the dispatcher last finished a claim round (engine time). */
    public Optional<Instant> lastDispatch() {
        return lastRound.get();
    }

    public ListenerState listenerState() {
        return listener.get();
    }

    /** Why the listener is {@link ListenerState#DISABLED}; empty in every other state. */
    public Optional<String> listenerDisabledBecause() {
        return listenerDisabledBecause.get();
    }

    /** Attempts running on this instance now. */
    public int inFlight() {
        return parts.inFlight().size();
    }

    /** The schema version; throws {@code STORE_UNAVAILABLE} when the database cannot be reached. */
    public String schemaVersion() {
        return parts.store().schemaVersion();
    }

    /** The queue, read at most once per {@link #QUEUE_CACHE}; throws when the database cannot be reached. */
    public QueueStats queue() {
        Cached current = cached;
        Instant now = parts.clock().instant();
        if (current == null || Duration.between(current.readAt(), now).compareTo(QUEUE_CACHE) > 0) {
            current = new Cached(parts.store().queueStats(), now);
            cached = current;
        }
        return current.stats();
    }

    /** How long the dispatcher may go without a claim round while work is ready: {@value #STALL_POLLS} polls. */
    public Duration stallAfter() {
        Duration polls = parts.settings().pollInterval().multipliedBy(STALL_POLLS);
        return polls.compareTo(MIN_STALL) > 0 ? polls : MIN_STALL;
    }

    /**
     * True when the engine runs, runs are ready, and the dispatcher has not finished a claim round for longer than
     * {@link #stallAfter()}: it stopped making progress, or every worker has been busy in the same attempts all that
     * time (a round that finds no free worker claims nothing and does not count). False when it cannot tell (the database is down: readiness
     * reports that).
     */
    public boolean dispatcherStalled() {
        if (!running()) {
            return false;
        }
        Instant last = lastRound.get().or(startedAt).orElse(null);
        if (last == null || Duration.between(last, parts.clock().instant()).compareTo(stallAfter()) <= 0) {
            return false;
        }
        try {
            return queue().readyRuns() > 0;
        } catch (RuntimeException unknown) {
            return false;
        }
    }
}
