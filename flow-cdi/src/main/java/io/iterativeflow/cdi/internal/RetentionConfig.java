package io.iterativeflow.cdi.internal;

import static io.iterativeflow.cdi.FlowConfigKeys.RETENTION_BATCH_SIZE;
import static io.iterativeflow.cdi.FlowConfigKeys.RETENTION_EVENTS_OLDER_THAN;
import static io.iterativeflow.cdi.FlowConfigKeys.RETENTION_RUNS_OLDER_THAN;
import static io.iterativeflow.cdi.FlowConfigKeys.RETENTION_SCHEDULE;

import io.iterativeflow.core.config.CronSchedule;
import io.iterativeflow.core.config.RetentionSettings;
import java.util.List;

/**
 * Reads the retention ages (an unset key turns that part off), the batch size and the schedule. A schedule that is
 * set is checked even while retention is off, so a typo never waits for the day someone turns it on.
 */
final class RetentionConfig {

    private RetentionConfig() {
    }

    static RetentionSettings read(ConfigValues values, RetentionSettings defaults, List<Problem> problems) {
        String schedule = values.text(RETENTION_SCHEDULE, defaults.schedule());
        try {
            CronSchedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            problems.add(Messages.configInvalid(RETENTION_SCHEDULE + " " + e.getMessage()));
            schedule = defaults.schedule();
        }
        return defaults
                .withRunsOlderThan(values.optionalDuration(RETENTION_RUNS_OLDER_THAN))
                .withEventsOlderThan(values.optionalDuration(RETENTION_EVENTS_OLDER_THAN))
                .withBatchSize(values.integer(RETENTION_BATCH_SIZE, defaults.batchSize()))
                .withSchedule(schedule);
    }
}
