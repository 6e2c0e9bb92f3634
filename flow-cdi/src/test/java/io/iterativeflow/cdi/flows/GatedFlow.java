package io.iterativeflow.cdi.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import java.util.concurrent.CountDownLatch;

/** A flow whose one step waits at a gate the test opens, so a test can act while the step runs. */
@Flow(name = "gated")
public class GatedFlow implements FlowBody<String, String> {

    private static volatile CountDownLatch entered = new CountDownLatch(1);
    private static volatile CountDownLatch gate = new CountDownLatch(1);

    /** Closes the gate again; call before each test that uses this flow. */
    public static void reset() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    public static boolean stepEntered() {
        return entered.getCount() == 0;
    }

    public static void open() {
        gate.countDown();
    }

    @Override
    public String run(FlowContext ctx, String input) {
        return ctx.step("wait-at-gate", String.class, scope -> {
            entered.countDown();
            gate.await();
            return input;
        });
    }
}
