package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.StartResult;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code createRuns}: every run of a bulk start in one transaction (the caller's JTA transaction when one is active),
 * so all are written or none. A key repeated in the list resolves to its first occurrence without another insert.
 */
public final class BulkRunCreation {

    /** H2: how often the batch is tried again while another transaction holds one of its keys uncommitted. */

    private final Transactions tx;
    private final RunCreation creation;

    public BulkRunCreation(Transactions tx, RunCreation creation) {
        this.tx = tx;
        this.creation = creation;
    }

    public List<StartResult> create(List<NewRun> runs) {
        if (tx.dialect() == Dialect.H2 && runs.stream().anyMatch(r -> r.idempotencyKey().isPresent())) {
            return H2KeyRaces.retry("starting runs", () -> tx.joining(em -> createIn(em, runs)));
        }
        return tx.joining(em -> createIn(em, runs));
    }

    private List<StartResult> createIn(EntityManager em, List<NewRun> runs) {
        List<StartResult> results = new ArrayList<>(runs.size());
        Map<String, StartResult> byKey = new HashMap<>();
        for (NewRun run : runs) {
            Optional<String> key = run.idempotencyKey();
            StartResult earlier = key.map(byKey::get).orElse(null);
            if (earlier != null) {
                results.add(new StartResult(earlier.runId(), false));
                continue;
            }
            StartResult result = creation.createIn(em, run);
            key.ifPresent(k -> byKey.put(k, result));
            results.add(result);
        }
        return results;
    }
}
