package io.iterativeflow.test.flows;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.StepOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reserves, charges, confirms; records every try of every step in {@link #TRIES}, so a test sees what ran again.
 * The gateway refuses the first {@code failures} charges; each retry waits an hour.
 */
@Flow(name = "payment")
public class Payment implements FlowBody<Integer, String> {

    public static final List<String> TRIES = new CopyOnWriteArrayList<>();

    @Override
    public String run(FlowContext ctx, Integer failures) {
        String reservation = ctx.step("reserve", String.class, s -> tried("reserve", "r-1"));
        String charge = ctx.step("charge", String.class, StepOptions.defaults().withRetries(5)
                .withBackoff(Backoff.fixed(Duration.ofHours(1))), s -> {
                    tried("charge", null);
                    if (s.attempt() <= failures) {
                        throw new IllegalStateException("gateway busy");
                    }
                    return "c-" + s.attempt();
                });
        return ctx.step("confirm", String.class, s -> tried("confirm", reservation + "/" + charge));
    }

    private static String tried(String step, String result) {
        TRIES.add(step);
        return result;
    }
}
