package io.iterativeflow.it.faults;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Runs inside Liberty: one step that waits until {@link GateResource} opens the gate (five minutes at most). */
@Flow(name = GatedFlow.NAME, version = 1)
public class GatedFlow implements FlowBody<String, String> {

    static final String NAME = "it-gated";

    static final CountDownLatch GATE = new CountDownLatch(1);

    @Override
    public String run(FlowContext ctx, String input) {
        return ctx.step("pass-the-gate", String.class, s -> {
            GATE.await(5, TimeUnit.MINUTES);
            return input;
        });
    }
}
