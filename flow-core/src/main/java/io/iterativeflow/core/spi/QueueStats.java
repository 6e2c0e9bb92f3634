package io.iterativeflow.core.spi;

import java.time.Duration;

/**
 * The queue as the database sees it now.
 *
 * @param readyRuns runs waiting whose wake time has passed (claimable now)
 * @param oldestReadyAge how long the oldest of them has been ready; zero when none is
 * @param runningRuns runs some instance is working on
 */
public record QueueStats(long readyRuns, Duration oldestReadyAge, long runningRuns) {
}
