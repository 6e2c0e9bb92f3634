package io.iterativeflow.it.metrics;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.PermanentFailureException;

/** Runs inside Liberty: its one step fails for good, so the run fails. */
@Flow(name = RefusingFlow.NAME)
public class RefusingFlow implements FlowBody<String, String> {

    static final String NAME = "it-metrics-refusing";

    @Override
    public String run(FlowContext ctx, String input) {
        return ctx.step("refuse", String.class, s -> {
            throw new PermanentFailureException("refused " + input);
        });
    }
}
