package io.iterativeflow.dashboard.internal;

import io.iterativeflow.core.spi.QueueStats;

/**
 * The queue as the dashboard shows it: runs ready to be claimed now, how long the oldest of them has waited
 * (milliseconds, 0 when none is ready) and runs some instance is working on.
 */
public record QueueView(long ready, long oldestReadyAgeMillis, long running) {

    static QueueView of(QueueStats stats) {
        return new QueueView(stats.readyRuns(), stats.oldestReadyAge().toMillis(), stats.runningRuns());
    }
}
