package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.config.RetentionSettings;
import io.iterativeflow.core.spi.FlowStore;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.logging.Logger;

/**
 * Deletes old terminal runs and old events in batches, each a short transaction of its own that skips locked rows,
 * until a batch comes back short. Never touches a run that is not terminal.
 */
final class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    private final FlowStore store;
    private final int batchSize;

    Retention(FlowStore store, int batchSize) {
        this.store = store;
        this.batchSize = batchSize;
    }

    long pruneRuns(Duration olderThan) {
        Duration age = age("olderThan", olderThan);
        return inBatches(() -> store.pruneRuns(age, batchSize), () -> true);
    }

    long pruneEvents(Duration olderThan) {
        Duration age = age("olderThan", olderThan);
        return inBatches(() -> store.pruneEvents(age, batchSize), () -> true);
    }

    /**
     * One pass with the configured ages (parts whose age is unset are skipped); stops between batches once
     * {@code going} turns false (the engine stops).
     */
    void runConfigured(RetentionSettings settings, BooleanSupplier going) {
        settings.runsOlderThan().ifPresent(age -> log("run(s)", inBatches(() -> store.pruneRuns(age, batchSize),
                going)));
        settings.eventsOlderThan().ifPresent(age -> log("event(s)", inBatches(() -> store.pruneEvents(age,
                batchSize), going)));
    }

    private long inBatches(IntSupplier batch, BooleanSupplier going) {
        long total = 0;
        int deleted;
        do {
            deleted = batch.getAsInt();
            total += deleted;
        } while (deleted >= batchSize && going.getAsBoolean());
        return total;
    }

    private static void log(String what, long deleted) {
        if (deleted > 0) {
            LOG.info(() -> "retention deleted " + deleted + " " + what);
        }
    }

    private static Duration age(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, name + " must be a duration of zero or more"
                    + " (such as Duration.ofDays(30)), got " + value);
        }
        return value;
    }
}
