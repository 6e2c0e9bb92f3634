package io.iterativeflow.core.spi;

import io.iterativeflow.api.RunStatus;

import java.util.Optional;

/** The part of a run's row a result waiter needs, and the caller that started it. */
public record RunState(RunStatus status, String flowName, int flowVersion, String outputJson, String errorCode,
        String errorMessage, Optional<String> startedBy) {

    public RunState(RunStatus status, String flowName, int flowVersion, String outputJson, String errorCode,
            String errorMessage) {
        this(status, flowName, flowVersion, outputJson, errorCode, errorMessage, Optional.empty());
    }

    public RunState {
        startedBy = startedBy == null ? Optional.empty() : startedBy;
    }
}
