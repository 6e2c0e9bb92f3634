package io.iterativeflow.core.spi;

import io.iterativeflow.api.RunStatus;

/** The part of a run's row a result waiter needs. */
public record RunState(RunStatus status, String flowName, int flowVersion, String outputJson, String errorCode,
        String errorMessage) {
}
