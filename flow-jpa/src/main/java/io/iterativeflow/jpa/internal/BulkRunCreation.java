package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.StartResult;
import io.iterativeflow.jpa.StoreConflictException;
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
    private static final int H2_TRIES = 100;

    private final Transactions tx;
    private final RunCreation creation;

    public BulkRunCreation(Transactions tx, RunCreation creation) {
        this.tx = tx;
        this.creation = creation;
    }

    public List<StartResult> create(List<NewRun> runs) {
        if (tx.dialect() == Dialect.H2 && runs.stream().anyMatch(r -> r.idempotencyKey().isPresent())) {
            return createH2(runs);
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

    /**
     * H2 rejects a key that an uncommitted transaction has just inserted at once instead of waiting for it: the whole
     * batch is tried again (a new transaction) until that one has committed and its run is found.
     */
    private List<StartResult> createH2(List<NewRun> runs) {
        for (int i = 1; ; i++) {
            try {
                return tx.joining(em -> createIn(em, runs));
            } catch (StoreConflictException e) {
                if (i == H2_TRIES || !e.constraint().filter("runs_idempotency"::equals).isPresent()) {
                    throw e;
                }
                pause(i);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(50, 2L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowException(FlowErrorCode.STORE_UNAVAILABLE, "interrupted while starting runs", e);
        }
    }
}
