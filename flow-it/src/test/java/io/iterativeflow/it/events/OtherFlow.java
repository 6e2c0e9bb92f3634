package io.iterativeflow.it.events;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** One step; its events must not reach the observers narrowed to {@link HeardFlow}. */
@Flow(name = "other")
public class OtherFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String input) {
        return ctx.step("only", String.class, scope -> input);
    }
}
