package io.iterativeflow.test.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import jakarta.inject.Inject;
import java.time.Duration;

/** A flow bean with an injected collaborator; greets, waits a day, greets again. */
@Flow(name = "greeting")
public class Greeting implements FlowBody<String, String> {

    @Inject
    Greeter greeter;

    @Override
    public String run(FlowContext ctx, String name) {
        String first = ctx.step("greet", String.class, s -> greeter.greet(name));
        ctx.sleep("a-day", Duration.ofDays(1));
        return first + " / " + ctx.step("greet-again", String.class, s -> greeter.greet(name));
    }
}
