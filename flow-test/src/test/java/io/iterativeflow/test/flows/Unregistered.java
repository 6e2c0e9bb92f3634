package io.iterativeflow.test.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** A flow no test registers. */
@Flow(name = "unregistered")
public class Unregistered implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String input) {
        return input;
    }
}
