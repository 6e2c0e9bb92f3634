package io.iterativeflow.it.tx;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowSignal;

/** Runs inside Liberty: waits for a {@code decision} signal and returns the order with it. */
@Flow(name = "it-tx-approval", version = 1)
@FlowSignal(name = ApprovalFlow.DECISION, type = String.class)
public class ApprovalFlow implements FlowBody<String, String> {

    static final String DECISION = "decision";

    @Override
    public String run(FlowContext ctx, String order) {
        return order + ": " + ctx.signal(DECISION, String.class);
    }
}
