package io.iterativeflow.core.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The attempts running on this instance, by run id. */
final class InFlight {

    private final Map<UUID, Attempt> attempts = new ConcurrentHashMap<>();

    void add(Attempt attempt) {
        attempts.put(attempt.fence().runId(), attempt);
    }

    void remove(Attempt attempt) {
        attempts.remove(attempt.fence().runId(), attempt);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Whether an attempt of {@code runId} runs here. */
    boolean contains(UUID runId) {
        return attempts.containsKey(runId);
    }

    Set<UUID> runIds() {
        return Set.copyOf(attempts.keySet());
    }

    Collection<Attempt> all() {
        return attempts.values();
    }

    int size() {
        return attempts.size();
    }

    /** Aborts the attempt of {@code runId} if it runs here; true if one did. */
    boolean abort(UUID runId, String reason) {
        Attempt attempt = attempts.get(runId);
        if (attempt == null) {
            return false;
        }
        attempt.abort(reason);
        return true;
    }

    /** Waits until no attempt runs or {@code millis} pass; true if none runs. */
    synchronized boolean awaitEmpty(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!attempts.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        return true;
    }
}
