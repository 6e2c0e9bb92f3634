package io.iterativeflow.it.wildfly;

import java.time.Duration;
import java.util.Locale;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Runs inside WildFly: sleeps two seconds (durably, no thread held), then answers with a step. */
@Flow(name = ShortNapFlow.NAME)
public class ShortNapFlow implements FlowBody<String, String> {

    static final String NAME = "wildfly-short-nap";
    static final Duration NAP = Duration.ofSeconds(2);

    @Override
    public String run(FlowContext ctx, String input) {
        ctx.sleep("nap", NAP);
        return ctx.step("wake", String.class, s -> "awake: " + input.toUpperCase(Locale.ROOT));
    }
}
