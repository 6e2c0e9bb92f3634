package io.iterativeflow.api;

import java.util.Objects;

/**
 * What {@link FlowHandle#startWithOutcome} did: the run's id, and whether this start created the run ({@code true})
 * or found the one that already holds its idempotency key ({@code false}, nothing was written). Over REST the first
 * answers 201, the second 200.
 */
public record StartOutcome(String runId, boolean created) {

    public StartOutcome {
        Objects.requireNonNull(runId, "runId");
    }
}
