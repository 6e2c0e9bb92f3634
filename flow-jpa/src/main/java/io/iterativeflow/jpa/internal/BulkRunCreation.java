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

    private final RunCreation creation;

    public BulkRunCreation(RunCreation creation) {
        this.creation = creation;
    }

    public List<StartResult> create(List<NewRun> runs) {
        boolean keyed = runs.stream().anyMatch(r -> r.idempotencyKey().isPresent());
        return creation.startMany(keyed, em -> createIn(em, runs));
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
