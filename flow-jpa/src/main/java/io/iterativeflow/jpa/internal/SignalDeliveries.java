package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.RunCommands;
import io.iterativeflow.core.spi.SignalDelivery;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code deliverSignal}: one transaction locks the run's row, decides (duplicate, finished, timed out, delivered or
 * buffered) on a fresh snapshot, then stores the signal, its event and, when the run waited for it, the run's
 * wake-up, in one statement. A failure anywhere rolls back all of it.
 */
public final class SignalDeliveries {

    private static final String CHECKS = """
            SELECT (SELECT count(*) FROM workflow.signals
                    WHERE run_id = :runId AND name = :name AND dedup_key = :dedup) AS duplicates,
                   (SELECT count(*) FROM workflow.signals
                    WHERE run_id = :runId AND name = :name AND %s) AS unconsumed,
                   (SELECT status FROM workflow.steps
                    WHERE run_id = :runId AND kind = 'signal' AND name = :name
                    ORDER BY position DESC, created_at DESC LIMIT 1) AS last_wait
            """.formatted(SignalSql.UNCONSUMED);

    private final Transactions tx;
    private final FlowClock clock;
    private final SignalStoreStatements statements;

    public SignalDeliveries(Transactions tx, FlowClock clock, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.statements = database.signalStore;
    }

    /** In a transaction of its own, or in the caller's JTA transaction when one is active. */
    public SignalDelivery deliver(UUID runId, String name, String payloadJson, Optional<String> deliveryId,
            Optional<String> actor) {
        return tx.joining(em -> deliverIn(em, runId, name, payloadJson, deliveryId, actor.orElse(null),
                (id, flowName, flowVersion) -> true));
    }

    /**
     * A bulk send: every run in one transaction (the caller's JTA transaction when one is active), locked in id
     * order so that two bulk sends to overlapping runs never deadlock; the results in the order of {@code runIds}.
     */
    public List<SignalDelivery> deliverAll(List<UUID> runIds, String name, String payloadJson,
            Optional<String> deliveryId, Optional<String> actor, RunCommands.PayloadFit fits) {
        List<UUID> lockOrder = runIds.stream().sorted().toList();
        Map<UUID, SignalDelivery> byRun = tx.joining(em -> {
            Map<UUID, SignalDelivery> results = new HashMap<>();
            for (UUID runId : lockOrder) {
                results.put(runId, deliverIn(em, runId, name, payloadJson, deliveryId, actor.orElse(null), fits));
            }
            return results;
        });
        return runIds.stream().map(byRun::get).toList();
    }

    private SignalDelivery deliverIn(EntityManager em, UUID runId, String name, String payloadJson,
            Optional<String> deliveryId, String actor, RunCommands.PayloadFit fits) {
        Optional<SignalStoreStatements.LockedRun> locked = statements.lock(em, runId, name);
        if (locked.isEmpty()) {
            return SignalDelivery.RUN_NOT_FOUND;
        }
        SignalStoreStatements.LockedRun run = locked.get();
        if (!fits.fits(runId, run.flowName(), run.flowVersion())) {
            return SignalDelivery.PAYLOAD_REFUSED;
        }
        SignalDelivery decision = decide(em, runId, name, deliveryId, run.status(), run.waits());
        if (decision == SignalDelivery.DELIVERED || decision == SignalDelivery.BUFFERED) {
            String status = decision == SignalDelivery.DELIVERED ? "delivered" : "buffered";
            SignalStoreStatements.Stored stored = statements.store(em, clock, run, runId, name, payloadJson,
                    deliveryId, status, actor);
            if (stored.stored() != 1 || (decision == SignalDelivery.DELIVERED) != (stored.woken() == 1)) {
                throw new IllegalStateException("signal '" + name + "' for run " + runId + " was not stored as "
                        + status + "; rolled back");
            }
        }
        return decision;
    }

    private static SignalDelivery decide(EntityManager em, UUID runId, String name, Optional<String> deliveryId,
            String status, boolean waits) {
        Checks checks = SqlCall.of(em, CHECKS).uuid("runId", runId).text("name", name)
                .text("dedup", deliveryId.orElse(null))
                .one(row -> new Checks(row.count("duplicates"), row.count("unconsumed"), row.text("last_wait")));
        if (checks.duplicates() > 0) {
            return SignalDelivery.DUPLICATE;
        }
        if (List.of("completed", "failed", "canceled").contains(status)) {
            return SignalDelivery.RUN_FINISHED;
        }
        if (!waits && "failed".equals(checks.lastWait())) {
            return SignalDelivery.WAIT_TIMED_OUT;
        }
        return waits && checks.unconsumed() == 0 ? SignalDelivery.DELIVERED : SignalDelivery.BUFFERED;
    }

    /** What the decision needs besides the run: earlier deliveries of this id, unconsumed signals, the last wait. */
    private record Checks(long duplicates, long unconsumed, String lastWait) {
    }
}
