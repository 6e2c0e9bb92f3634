package io.iterativeflow.core.engine;

import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The periodic work besides claiming: renewing the leases of attempts in flight (and aborting those whose run was
 * canceled or taken over), and reconciling runs whose owner stopped heartbeating.
 */
final class Maintenance {

    private static final Logger LOG = Logger.getLogger(Maintenance.class.getName());

    private final EngineParts parts;
    private final Dispatcher dispatcher;

    Maintenance(EngineParts parts, Dispatcher dispatcher) {
        this.parts = parts;
        this.dispatcher = dispatcher;
    }

    void heartbeat() {
        try {
            Set<UUID> running = parts.inFlight().runIds();
            if (running.isEmpty()) {
                return;
            }
            Set<UUID> held = parts.store().renewLeases(parts.instanceId(), running,
                    parts.settings().leaseDuration());
            for (UUID runId : running) {
                if (!held.contains(runId)) {
                    parts.inFlight().abort(runId, "the run was canceled or taken over by another instance");
                    parts.completions().fire(runId);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "lease renewal failed; retrying at the next heartbeat", e);
        }
    }

    void reconcile() {
        new Versions(parts).failExpired();
        try {
            int reclaimed = parts.store().reclaimExpiredLeases(parts.settings().claimBatchSize() * 4);
            parts.listeners().fire("reconcilerSwept", l -> l.reconcilerSwept(reclaimed));
            if (reclaimed > 0) {
                LOG.info(() -> "reclaimed " + reclaimed + " run(s) whose owner stopped renewing its lease");
                dispatcher.wake();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reconciling expired leases failed; retrying at the next sweep", e);
        }
        try {
            int woken = parts.store().wakeParentsOfEndedChildren(parts.settings().claimBatchSize() * 4);
            if (woken > 0) {
                LOG.info(() -> "woke " + woken + " parent run(s) whose child had ended");
                dispatcher.wake();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "looking for parents of ended children failed; retrying at the next sweep", e);
        }
    }
}
