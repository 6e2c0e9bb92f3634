package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.FlowStore;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Deletes old terminal runs and old events in batches, each a short transaction of its own that skips locked rows,
 * until a batch comes back short. Never touches a run that is not terminal.
 */
final class Retention {

    /** What one batch deletes. */
    enum Target { RUNS, EVENTS }

    private final FlowStore store;
    private final int batchSize;

    Retention(FlowStore store, int batchSize) {
        this.store = store;
        this.batchSize = batchSize;
    }

    long pruneRuns(Duration olderThan) {
        return all(Target.RUNS, age(olderThan));
    }

    long pruneEvents(Duration olderThan) {
        return all(Target.EVENTS, age(olderThan));
    }

    /** One batch: how many rows it deleted; fewer than {@link #batchSize()} means nothing is left. */
    int batch(Target target, Duration olderThan) {
        return target == Target.RUNS ? store.pruneRuns(olderThan, batchSize) : store.pruneEvents(olderThan, batchSize);
    }

    int batchSize() {
        return batchSize;
    }

    private long all(Target target, Duration olderThan) {
        IntSupplier next = () -> batch(target, olderThan);
        long total = 0;
        int deleted;
        do {
            deleted = next.getAsInt();
            total += deleted;
        } while (deleted >= batchSize);
        return total;
    }

    private static Duration age(Duration value) {
        if (value == null || value.isNegative()) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "olderThan must be a duration of zero or more"
                    + " (such as Duration.ofDays(30)), got " + value);
        }
        return value;
    }
}
