package io.iterativeflow.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What retention deletes and when. An absent age turns that part off; with both absent, retention never runs on its
 * own ({@code pruneRuns}/{@code pruneEvents} still work when called).
 *
 * @param runsOlderThan terminal runs that finished longer ago than this go, with their steps, timers, signals and
 *     events ({@code flow.retention.runs-older-than})
 * @param eventsOlderThan audit events older than this go, whatever their run's state
 *     ({@code flow.retention.events-older-than})
 * @param batchSize rows deleted per statement; each batch is a short transaction of its own
 * @param schedule when retention runs, a cron expression in UTC ({@code flow.retention.schedule}): five fields
 *     (minute hour day-of-month month day-of-week) or six (seconds first), as Jakarta Concurrency's
 *     {@code CronTrigger} reads them
 */
public record RetentionSettings(Optional<Duration> runsOlderThan, Optional<Duration> eventsOlderThan,
        int batchSize, String schedule) {

    public static final int DEFAULT_BATCH_SIZE = 1000;
    /** Every hour, on the hour (UTC). */
    public static final String DEFAULT_SCHEDULE = "0 * * * *";

    /** Retention off; batches of {@value #DEFAULT_BATCH_SIZE}; hourly once an age is set. */
    public static RetentionSettings off() {
        return new RetentionSettings(Optional.empty(), Optional.empty(), DEFAULT_BATCH_SIZE, DEFAULT_SCHEDULE);
    }

    public RetentionSettings withRunsOlderThan(Optional<Duration> value) {
        return new RetentionSettings(value, eventsOlderThan, batchSize, schedule);
    }

    public RetentionSettings withEventsOlderThan(Optional<Duration> value) {
        return new RetentionSettings(runsOlderThan, value, batchSize, schedule);
    }

    public RetentionSettings withBatchSize(int value) {
        return new RetentionSettings(runsOlderThan, eventsOlderThan, value, schedule);
    }

    public RetentionSettings withSchedule(String value) {
        return new RetentionSettings(runsOlderThan, eventsOlderThan, batchSize, value);
    }

    /** True when at least one of the two ages is set. */
    public boolean enabled() {
        return runsOlderThan.isPresent() || eventsOlderThan.isPresent();
    }

    void addProblems(List<String> problems) {
        positive(problems, "retention.runs-older-than", runsOlderThan);
        positive(problems, "retention.events-older-than", eventsOlderThan);
        if (batchSize < 1 || batchSize > 100_000) {
            problems.add(EngineSettings.PREFIX + "retention.batch-size must be between 1 and 100000, got "
                    + batchSize);
        }
        if (enabled()) {
            CronSchedule.problem(schedule).ifPresent(why -> problems.add(EngineSettings.PREFIX
                    + "retention.schedule " + why));
        }
    }

    private static void positive(List<String> problems, String key, Optional<Duration> age) {
        if (age == null) {
            problems.add(EngineSettings.PREFIX + key + " must not be null; use Optional.empty() to turn it off");
        } else if (age.isPresent() && (age.get().isNegative() || age.get().isZero())) {
            problems.add(EngineSettings.PREFIX + key + " must be a positive duration (such as 30d), got "
                    + age.get());
        }
    }
}
