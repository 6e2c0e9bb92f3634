package io.iterativeflow.cdi.internal;

import static io.iterativeflow.cdi.FlowConfigKeys.WORKER_LISTEN;
import static io.iterativeflow.cdi.FlowConfigKeys.WORKER_NOTIFY_PROGRESS;

import io.iterativeflow.core.config.ListenSettings;

/** Reads {@code flow.worker.listen}; the back-off of the listener keeps its defaults. */
final class ListenConfig {

    private ListenConfig() {
    }

    static ListenSettings read(ConfigValues values, ListenSettings defaults) {
        return defaults.withEnabled(values.bool(WORKER_LISTEN, defaults.enabled()))
                .withNotifyProgress(values.bool(WORKER_NOTIFY_PROGRESS, defaults.notifyProgress()));
    }
}
