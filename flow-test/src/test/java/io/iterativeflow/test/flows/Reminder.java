package io.iterativeflow.test.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import java.time.Duration;

/** Sleeps three days, then reminds: the flow a virtual clock is for. */
@Flow(name = "reminder")
public class Reminder implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String who) {
        ctx.step("note", String.class, s -> "noted " + who);
        ctx.sleep("three-days", Duration.ofDays(3));
        return ctx.step("remind", String.class, s -> "reminded " + who);
    }
}
