package io.iterativeflow.cdi.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import java.time.Duration;

/** Sleeps an hour between two steps: only a moved clock lets it finish within a test. */
@Flow(name = "nap")
public class NapFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String input) {
        String before = ctx.step("before", String.class, scope -> input + " yawns");
        ctx.sleep(Duration.ofHours(1));
        return ctx.step("after", String.class, scope -> before + ", then wakes");
    }
}
