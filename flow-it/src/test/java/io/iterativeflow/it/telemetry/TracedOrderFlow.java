package io.iterativeflow.it.telemetry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.StepOptions;

/**
 * Runs inside Liberty: a step, a short durable sleep (the next attempt runs after it), a step that fails on its first
 * try (a retry: one more attempt), then a child run.
 */
@Flow(name = TracedOrderFlow.NAME)
public class TracedOrderFlow implements FlowBody<String, String> {

    static final String NAME = "it-traced-order";

    private static final AtomicInteger CHARGES = new AtomicInteger();

    @Override
    public String run(FlowContext ctx, String input) {
        String reserved = ctx.step("reserve", String.class, s -> "reserved " + input);
        ctx.sleep("cool-off", Duration.ofSeconds(2));
        String charged = ctx.step("charge", String.class,
                StepOptions.defaults().withRetries(2).withBackoff(Backoff.fixed(Duration.ZERO)), s -> {
                    if (CHARGES.incrementAndGet() == 1) {
                        throw new IllegalStateException("card declined once");
                    }
                    return "charged";
                });
        return reserved + ", " + charged + ", " + ctx.invoke(TracedLeafFlow.class, input);
    }
}
