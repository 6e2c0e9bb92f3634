package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.LeaseRenewal;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean retryScheduled = new AtomicBoolean();

    Maintenance(EngineParts parts, Dispatcher dispatcher, ScheduledExecutorService scheduler) {
        this.parts = parts;
        this.dispatcher = dispatcher;
        this.scheduler = scheduler;
    }

    void heartbeat() {
        try {
            Set<UUID> running = parts.inFlight().runIds();
            if (running.isEmpty()) {
                return;
            }
            LeaseRenewal renewal = parts.store().renewLeases(parts.instanceId(), running,
                    parts.settings().leaseDuration());
            for (UUID runId : running) {
                if (!renewal.held().contains(runId)) {
                    parts.inFlight().abort(runId, "the run was canceled or taken over by another instance");
                    parts.completions().fire(runId);
                }
            }
            if (!renewal.busy().isEmpty()) {
                retrySoon(renewal.busy().size());
            }
        } catch (RuntimeException e) {
            parts.outage().failed(LOG, "lease renewal failed; retrying at the next heartbeat", e);
        }
    }

    /**
     * Some runs' rows were locked by another transaction, so their leases were not renewed: renew again after a
     * tenth of a heartbeat rather than a whole one, so the lock's holder does not make them expire.
     */
    private void retrySoon(int busy) {
        if (!retryScheduled.compareAndSet(false, true)) {
            return;
        }
        long delay = Math.max(10, parts.settings().heartbeatInterval().toMillis() / 10);
        LOG.fine(() -> busy + " run(s) locked by another transaction; renewing their leases again in " + delay
                + " ms");
        try {
            scheduler.schedule(() -> {
                retryScheduled.set(false);
                heartbeat();
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            retryScheduled.set(false);
            LOG.log(Level.FINE, "early lease renewal not scheduled; the next heartbeat renews", rejected);
        }
    }

    void reconcile() {
        new Versions(parts).failExpired();
        try {
            int reclaimed = parts.store().reclaimExpiredLeases(parts.settings().claimBatchSize() * 4);
            parts.outage().reachable();
            parts.listeners().fire("reconcilerSwept", l -> l.reconcilerSwept(reclaimed));
            if (reclaimed > 0) {
                LOG.info(() -> "reclaimed " + reclaimed + " run(s) whose owner stopped renewing its lease");
                dispatcher.wake();
            }
        } catch (RuntimeException e) {
            parts.outage().failed(LOG, "reconciling expired leases failed; retrying at the next sweep", e);
        }
        try {
            int woken = parts.store().wakeParentsOfEndedChildren(parts.settings().claimBatchSize() * 4);
            if (woken > 0) {
                LOG.info(() -> "woke " + woken + " parent run(s) whose child had ended");
                dispatcher.wake();
            }
        } catch (RuntimeException e) {
            parts.outage().failed(LOG, "looking for parents of ended children failed; retrying at the next sweep", e);
        }
    }
}
