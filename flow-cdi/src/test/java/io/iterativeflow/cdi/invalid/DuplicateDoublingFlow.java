package io.iterativeflow.cdi.invalid;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Has the name and version of the produced {@code doubling} flow. */
@Flow(name = "doubling")
public class DuplicateDoublingFlow implements FlowBody<Integer, Integer> {

    @Override
    public Integer run(FlowContext ctx, Integer input) {
        return input;
    }
}
