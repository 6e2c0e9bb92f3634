package io.iterativeflow.it.rest;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.PermanentFailureException;

/** Runs inside Liberty: its step fails for good on the run's first attempt only, so a retry makes it complete. */
@Flow(name = "it-fail-once")
public class FailOnceFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String input) {
        return ctx.step("check", String.class, s -> {
            if (ctx.attempt() == 1) {
                throw new PermanentFailureException("the first attempt always fails");
            }
            return "checked " + input;
        });
    }
}
