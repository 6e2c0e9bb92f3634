package io.iterativeflow.cdi.invalid;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowSignal;

/** Declares a signal whose name holds a ':', which cursor keys reserve. */
@Flow(name = "bad-signal-name")
@FlowSignal(name = "go:now", type = String.class)
public class BadSignalNameFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String input) {
        return input;
    }
}
