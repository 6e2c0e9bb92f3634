package io.iterativeflow.api;

import java.time.Instant;
import java.util.Optional;

/**
 * One transition in a run's audit trail, such as {@code created}, {@code claimed}, {@code step_completed}.
 * {@link #actor()} names the caller principal behind a transition caused from outside the run ({@code created},
 * {@code signal_delivered}, {@code signal_buffered}, {@code canceled}, {@code retried}); it is empty for the
 * engine's own transitions and for anonymous callers.
 */
public record EventInfo(long id, String type, int attempt, Optional<String> cursorKey, Optional<String> detail,
        Instant at, Optional<String> actor) {

    /** An event without an actor. */
    public EventInfo(long id, String type, int attempt, Optional<String> cursorKey, Optional<String> detail,
            Instant at) {
        this(id, type, attempt, cursorKey, detail, at, Optional.empty());
    }

    public EventInfo {
        actor = actor == null ? Optional.empty() : actor;
    }

    /** The caller principal that caused this transition, when it came from outside the run and had one. */
    public Optional<String> actor() {
        return actor;
    }
}
