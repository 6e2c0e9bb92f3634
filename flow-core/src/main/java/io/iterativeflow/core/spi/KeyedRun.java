package io.iterativeflow.core.spi;

import io.iterativeflow.api.RunStatus;
import java.util.UUID;

/** A run found by its idempotency key (the schedules find their last tick this way). */
public record KeyedRun(UUID runId, RunStatus status, String idempotencyKey) {
}
