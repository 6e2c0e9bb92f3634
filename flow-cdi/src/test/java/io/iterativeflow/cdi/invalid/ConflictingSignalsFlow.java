package io.iterativeflow.cdi.invalid;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowSignal;

/** Declares the signal "decision" twice, with two payload types. */
@Flow(name = "conflicting-signals")
@FlowSignal(name = "decision", type = String.class)
@FlowSignal(name = "decision", type = Boolean.class)
public class ConflictingSignalsFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String input) {
        return ctx.signal("decision", String.class);
    }
}
