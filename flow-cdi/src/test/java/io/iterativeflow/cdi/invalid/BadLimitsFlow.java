package io.iterativeflow.cdi.invalid;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Every limit of this flow is wrong. */
@Flow(name = "bad-limits", maxConcurrency = 0, rateLimit = -5, ratePeriod = "10ms")
public class BadLimitsFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String input) {
        return input;
    }
}
