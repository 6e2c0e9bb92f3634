package io.iterativeflow.it.metrics;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Runs inside Liberty as the child of {@link ParentFlow}: one step. */
@Flow(name = ChildFlow.NAME)
public class ChildFlow implements FlowBody<String, String> {

    public static final String NAME = "it-metrics-child";

    @Override
    public String run(FlowContext ctx, String input) {
        return ctx.step("shout", String.class, s -> input.toUpperCase(java.util.Locale.ROOT));
    }
}
