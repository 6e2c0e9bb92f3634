package io.iterativeflow.cdi.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Waits for the signal "go", then answers with the caller its step sees as the run's starter. */
@Flow(name = "whoami")
public class WhoAmIFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String input) {
        String go = ctx.signal("go", String.class);
        return ctx.step("whoami", String.class, scope -> input + " by " + scope.startedBy().orElse("nobody") + " "
                + go);
    }
}
