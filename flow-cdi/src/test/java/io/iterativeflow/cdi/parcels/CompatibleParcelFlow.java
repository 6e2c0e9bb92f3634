package io.iterativeflow.cdi.parcels;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** The same flow and version with one more step after the wait: every run can be followed. */
@Flow(name = "parcel")
public class CompatibleParcelFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String parcel) {
        String weight = ctx.step("weigh", String.class, scope -> "2kg");
        String label = ctx.signal("label", String.class);
        ctx.step("notify", String.class, scope -> "notified");
        return ctx.step("ship", String.class, scope -> parcel + " " + weight + " " + label);
    }
}
