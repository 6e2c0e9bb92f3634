package io.iterativeflow.jpa.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lease length each owner last claimed or renewed with. Fenced writes that renew a lease (a recorded step, a
 * failed try that does not retry) take it from here, because the SPI passes a lease only to claim and renew.
 */
public final class Leases {

    private final Duration fallback;
    private final Map<String, Duration> byOwner = new ConcurrentHashMap<>();

    public Leases(Duration fallback) {
        this.fallback = fallback;
    }

    void remember(String owner, Duration lease) {
        byOwner.put(owner, lease);
    }

    Duration of(String owner) {
        return byOwner.getOrDefault(owner, fallback);
    }
}
