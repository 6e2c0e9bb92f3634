package io.iterativeflow.cdi.invalid;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** A rate period without a rate limit: a mistake the deployment names. */
@Flow(name = "period-only", ratePeriod = "1m")
public class PeriodWithoutRateFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String input) {
        return input;
    }
}
