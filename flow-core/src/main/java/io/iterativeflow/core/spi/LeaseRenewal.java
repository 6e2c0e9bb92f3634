package io.iterativeflow.core.spi;

import java.util.Set;
import java.util.UUID;

/**
 * What a lease renewal found. {@code held}: the runs the owner still holds, renewed or not. {@code busy}: those of
 * them it could not renew because another transaction holds the run's row (a caller's open transaction that signals
 * or cancels the run); renewal never waits for such a lock, so the owner tries them again soon.
 */
public record LeaseRenewal(Set<UUID> held, Set<UUID> busy) {

    public LeaseRenewal {
        held = Set.copyOf(held);
        busy = Set.copyOf(busy);
    }

    public static LeaseRenewal none() {
        return new LeaseRenewal(Set.of(), Set.of());
    }
}
