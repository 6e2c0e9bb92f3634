package io.iterativeflow.it.engine;

import java.util.Locale;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Runs inside Liberty: two recorded steps, the second using the first one's result. */
@Flow(name = TwoStepFlow.NAME, version = 1)
public class TwoStepFlow implements FlowBody<String, String> {

    static final String NAME = "it-two-steps";
    static final String SHOUT = "shout";
    static final String GREET = "greet";

    @Override
    public String run(FlowContext ctx, String name) {
        String shouted = ctx.step(SHOUT, String.class, s -> shout(name));
        return ctx.step(GREET, String.class, s -> greet(shouted));
    }

    static String shout(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    static String greet(String shouted) {
        return "Hello, " + shouted + "!";
    }
}
