package io.iterativeflow.jpa;

import io.iterativeflow.core.spi.NewRun;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Builds the runs the store tests create. */
final class Runs {

    static final String INPUT = "{\"order\": 42}";

    private Runs() {
    }

    static NewRun run(String flow) {
        return new NewRun(UUID.randomUUID(), flow, 1, INPUT, Optional.empty(), Set.of("test"), 0, Duration.ZERO);
    }

    static NewRun keyed(String flow, String key) {
        return new NewRun(UUID.randomUUID(), flow, 1, INPUT, Optional.of(key), Set.of(), 0, Duration.ZERO);
    }

    static NewRun prioritized(String flow, int priority) {
        return new NewRun(UUID.randomUUID(), flow, 1, INPUT, Optional.empty(), Set.of(), priority, Duration.ZERO);
    }

    /** A run with a concurrency key and a priority. */
    static NewRun serial(String flow, String concurrencyKey, int priority) {
        return new NewRun(UUID.randomUUID(), flow, 1, INPUT, Optional.empty(), Set.of(), priority, Duration.ZERO,
                null, Optional.of(concurrencyKey), Optional.empty());
    }

    static NewRun delayed(String flow, Duration delay) {
        return new NewRun(UUID.randomUUID(), flow, 1, INPUT, Optional.empty(), Set.of(), 0, delay);
    }
}
