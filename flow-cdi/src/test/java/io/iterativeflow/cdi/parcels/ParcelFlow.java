package io.iterativeflow.cdi.parcels;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Weighs a parcel, waits for its label, ships it: the code deployed when the runs started. */
@Flow(name = "parcel")
public class ParcelFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String parcel) {
        String weight = ctx.step("weigh", String.class, scope -> "2kg");
        String label = ctx.signal("label", String.class);
        return ctx.step("ship", String.class, scope -> parcel + " " + weight + " " + label);
    }
}
