package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.config.RetentionSettings;
import io.iterativeflow.core.spi.FlowStore;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Deletes old terminal runs and old events in batches, each a short transaction of its own that skips locked rows,
 * until a batch comes back short. Never touches a run that is not terminal.
 */
final class Retention {

    private final FlowStore store;
    private final int batchSize;

    Retention(FlowStore store, int batchSize) {
        this.store = store;
        this.batchSize = batchSize;
    }

    long pruneRuns(Duration olderThan) {
        Duration age = age("olderThan", olderThan);
        return inBatches(() -> store.pruneRuns(age, batchSize));
    }

    long pruneEvents(Duration olderThan) {
        Duration age = age("olderThan", olderThan);
        return inBatches(() -> store.pruneEvents(age, batchSize));
    }

    /** One pass with the configured ages; parts whose age is unset are skipped. */
    void runConfigured(RetentionSettings settings) {
        settings.runsOlderThan().ifPresent(this::pruneRuns);
        settings.eventsOlderThan().ifPresent(this::pruneEvents);
    }

    private long inBatches(IntSupplier batch) {
        long total = 0;
        int deleted;
        do {
            deleted = batch.getAsInt();
            total += deleted;
        } while (deleted >= batchSize);
        return total;
    }

    private static Duration age(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, name + " must be a duration of zero or more"
                    + " (such as Duration.ofDays(30)), got " + value);
        }
        return value;
    }
}
