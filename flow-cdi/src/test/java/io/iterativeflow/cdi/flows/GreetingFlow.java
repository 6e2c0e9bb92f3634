package io.iterativeflow.cdi.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import jakarta.inject.Inject;
import java.util.Locale;

/** An annotated flow with an injected collaborator and an interceptor: two recorded steps. */
@Flow(name = "greeting")
@Counted
public class GreetingFlow implements FlowBody<String, String> {

    @Inject
    Greeter greeter;

    @Override
    public String run(FlowContext ctx, String name) {
        String greeting = ctx.step("greet", String.class, scope -> greeter.greet(name));
        return ctx.step("shout", String.class, scope -> greeting.toUpperCase(Locale.ROOT));
    }
}
