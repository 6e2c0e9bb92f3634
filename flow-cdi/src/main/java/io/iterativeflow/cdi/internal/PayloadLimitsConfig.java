package io.iterativeflow.cdi.internal;

import static io.iterativeflow.cdi.FlowConfigKeys.LIMITS_MAX_INPUT_BYTES;
import static io.iterativeflow.cdi.FlowConfigKeys.LIMITS_MAX_SIGNAL_PAYLOAD_BYTES;
import static io.iterativeflow.cdi.FlowConfigKeys.LIMITS_MAX_STEP_RESULT_BYTES;

import io.iterativeflow.core.config.PayloadLimits;

/** Reads the {@code flow.limits.*} sizes; their ranges are checked with the rest of the engine settings. */
final class PayloadLimitsConfig {

    private PayloadLimitsConfig() {
    }

    static PayloadLimits read(ConfigValues values, PayloadLimits defaults) {
        return new PayloadLimits(
                values.size(LIMITS_MAX_INPUT_BYTES, defaults.maxInputBytes()),
                values.size(LIMITS_MAX_STEP_RESULT_BYTES, defaults.maxStepResultBytes()),
                values.size(LIMITS_MAX_SIGNAL_PAYLOAD_BYTES, defaults.maxSignalPayloadBytes()));
    }
}
