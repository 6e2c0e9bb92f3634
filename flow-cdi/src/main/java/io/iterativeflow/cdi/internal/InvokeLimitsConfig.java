package io.iterativeflow.cdi.internal;

import static io.iterativeflow.cdi.FlowConfigKeys.LIMITS_MAX_CHILDREN_PER_RUN;
import static io.iterativeflow.cdi.FlowConfigKeys.LIMITS_MAX_INVOKE_DEPTH;

import io.iterativeflow.core.config.InvokeLimits;

/** Reads the {@code flow.limits.*} keys that bound child runs. */
final class InvokeLimitsConfig {

    private InvokeLimitsConfig() {
    }

    static InvokeLimits read(ConfigValues values, InvokeLimits defaults) {
        return new InvokeLimits(
                values.integer(LIMITS_MAX_INVOKE_DEPTH, defaults.maxDepth()),
                values.integer(LIMITS_MAX_CHILDREN_PER_RUN, defaults.maxChildrenPerRun()));
    }
}
