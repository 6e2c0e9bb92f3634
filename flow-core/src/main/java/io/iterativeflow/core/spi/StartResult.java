package io.iterativeflow.core.spi;

import java.util.UUID;

/** The run a start resolved to; {@code created} is false when an idempotency key matched an existing run. */
public record StartResult(UUID runId, boolean created) {
}
