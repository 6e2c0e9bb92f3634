package io.iterativeflow.cdi.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A flow limited to 3 runs at once, whose step counts itself running and waits at a gate the test opens. */
@Flow(name = "capped", maxConcurrency = 3, rateLimit = 100, ratePeriod = "1m")
public class CappedFlow implements FlowBody<String, String> {

    public static final Semaphore GATE = new Semaphore(0);
    public static final AtomicInteger RUNNING = new AtomicInteger();
    public static final AtomicInteger MAX = new AtomicInteger();

    @Override
    public String run(FlowContext ctx, String input) {
        return ctx.step("work", String.class, scope -> {
            MAX.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            try {
                if (!GATE.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate never opened");
                }
                return input;
            } finally {
                RUNNING.decrementAndGet();
            }
        });
    }
}
