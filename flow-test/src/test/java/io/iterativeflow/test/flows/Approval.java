package io.iterativeflow.test.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowSignal;
import io.iterativeflow.api.SignalOptions;
import java.time.Duration;

/** Waits a day for a decision; "expired" when none comes. */
@Flow(name = "approval")
@FlowSignal(name = "decision", type = Boolean.class)
public class Approval implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String request) {
        try {
            boolean yes = ctx.signal("decision", Boolean.class, SignalOptions.timeout(Duration.ofDays(1)));
            return yes ? "approved " + request : "rejected " + request;
        } catch (FlowException e) {
            if (e.code() != FlowErrorCode.SIGNAL_TIMEOUT) {
                throw e;
            }
            return "expired " + request;
        }
    }
}
