package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The queue and its leases: claiming ready runs, keeping and reclaiming leases, and the notifications that make idle
 * instances claim at once. Part of {@link FlowStore}.
 */
public interface RunQueue {

    /**
     * Claims up to {@code limit} ready runs in one statement ({@code FOR UPDATE SKIP LOCKED}): sets them running,
     * owned by {@code owner} until the lease expires, and increments their attempts. Highest priority first, then
     * earliest due. Loads the history of each claimed run.
     */
    List<ClaimedRun> claim(String owner, int limit, Duration lease);

    /**
     * Like {@link #claim(String, int, Duration)}, but only runs of the listed flows ({@code name@version}): an
     * instance never takes a run whose code it does not have. An empty set claims nothing.
     */
    List<ClaimedRun> claim(String owner, int limit, Duration lease, Set<String> flows);

    /**
     * Like {@link #claim(String, int, Duration, Set)}, and keeps the flows' limits across all instances: runs of a
     * flow whose limit is reached are passed over (they stay ready), and never hold back runs of other flows.
     *
     * @param limits the limits by flow name; flows not in it have none
     */
    default List<ClaimedRun> claim(String owner, int limit, Duration lease, Set<String> flows,
            Map<String, FlowLimit> limits) {
        if (!limits.isEmpty()) {
            throw new UnsupportedOperationException("this store cannot keep flow limits");
        }
        return claim(owner, limit, lease, flows);
    }

    /**
     * Renews the lease of the listed runs this owner still holds, without waiting for a row lock another transaction
     * holds: such runs are reported busy (and still held) rather than renewed.
     */
    LeaseRenewal renewLeases(String owner, Collection<UUID> runIds, Duration lease);

    /** Makes runs whose lease expired ready again ({@code lease_expired} event); returns how many. */
    int reclaimExpiredLeases(int limit);

    /** The store's database notifications, if it sends them; empty by default (the engine then only polls). */
    default Optional<Notifications> notifications() {
        return Optional.empty();
    }
}
