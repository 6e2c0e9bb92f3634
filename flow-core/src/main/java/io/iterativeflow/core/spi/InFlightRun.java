package io.iterativeflow.core.spi;

import io.iterativeflow.api.RunStatus;
import java.util.UUID;

/** A run that is not terminal yet, as the deployment check sees it. */
public record InFlightRun(UUID runId, String flowName, int flowVersion, RunStatus status) {

    /** {@code name@version}, the form the registry and the claim use. */
    public String flowId() {
        return flowName + "@" + flowVersion;
    }
}
