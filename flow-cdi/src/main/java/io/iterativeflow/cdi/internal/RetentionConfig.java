package io.iterativeflow.cdi.internal;

import static io.iterativeflow.cdi.FlowConfigKeys.RETENTION_EVENTS_OLDER_THAN;
import static io.iterativeflow.cdi.FlowConfigKeys.RETENTION_RUNS_OLDER_THAN;

import io.iterativeflow.core.config.RetentionSettings;

/** Reads the retention ages; an unset key turns that part of retention off. */
final class RetentionConfig {

    private RetentionConfig() {
    }

    static RetentionSettings read(ConfigValues values, RetentionSettings defaults) {
        return defaults
                .withRunsOlderThan(values.optionalDuration(RETENTION_RUNS_OLDER_THAN))
                .withEventsOlderThan(values.optionalDuration(RETENTION_EVENTS_OLDER_THAN));
    }
}
