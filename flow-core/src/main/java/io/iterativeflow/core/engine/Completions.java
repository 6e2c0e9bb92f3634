package io.iterativeflow.core.engine;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * Local wake-ups for result waiters: a waiter subscribes before it reads the run's row, and this instance completes
 * the subscription when one of its attempts ends the run, so a waiter never sleeps through a transition it could
 * have seen. Transitions made elsewhere are found by polling.
 */
final class Completions {

    private final Map<UUID, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();

    CompletableFuture<Void> subscribe(UUID runId) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiters.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(future);
        return future;
    }

    void unsubscribe(UUID runId, CompletableFuture<Void> future) {
        waiters.computeIfPresent(runId, (id, list) -> {
            list.remove(future);
            return list.isEmpty() ? null : list;
        });
    }

    void fire(UUID runId) {
        List<CompletableFuture<Void>> list = waiters.remove(runId);
        if (list != null) {
            list.forEach(f -> f.complete(null));
        }
    }
}
