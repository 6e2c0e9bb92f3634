package io.iterativeflow.api;

import java.time.Instant;

/**
 * The input of a run started by a cron schedule.
 *
 * @param flowName the scheduled flow
 * @param scheduledAt the tick this run belongs to (not when it started: jitter and load delay that)
 */
public record CronTick(String flowName, Instant scheduledAt) {
}
