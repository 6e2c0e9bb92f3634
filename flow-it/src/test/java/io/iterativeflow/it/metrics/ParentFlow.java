package io.iterativeflow.it.metrics;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Runs inside Liberty: invokes a child run, then waits for the signal {@code go}, and returns both. */
@Flow(name = ParentFlow.NAME)
public class ParentFlow implements FlowBody<String, String> {

    public static final String NAME = "it-metrics-parent";

    @Override
    public String run(FlowContext ctx, String input) {
        String child = ctx.invoke(ChildFlow.class, input);
        String go = ctx.signal("go", String.class);
        return child + " " + go;
    }
}
