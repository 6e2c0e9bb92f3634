package io.iterativeflow.test.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** A parent that ships through the child flow {@link Reminder} (which sleeps three days). */
@Flow(name = "parcel")
public class Parcel implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String who) {
        String reminded = ctx.invoke(Reminder.class, who);
        return ctx.step("deliver", String.class, s -> "delivered after " + reminded);
    }
}
