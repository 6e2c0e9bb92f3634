package io.iterativeflow.it.telemetry;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Runs inside Liberty as the child of {@link TracedOrderFlow}: one step. */
@Flow(name = TracedLeafFlow.NAME)
public class TracedLeafFlow implements FlowBody<String, String> {

    static final String NAME = "it-traced-leaf";

    @Override
    public String run(FlowContext ctx, String input) {
        return ctx.step("shout", String.class, s -> input.toUpperCase());
    }
}
