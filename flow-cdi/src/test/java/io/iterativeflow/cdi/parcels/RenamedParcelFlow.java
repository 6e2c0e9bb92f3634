package io.iterativeflow.cdi.parcels;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** The same flow and version with its signal renamed: runs waiting for the old name cannot be followed. */
@Flow(name = "parcel")
public class RenamedParcelFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String parcel) {
        String weight = ctx.step("weigh", String.class, scope -> "2kg");
        String label = ctx.signal("tag", String.class);
        return ctx.step("ship", String.class, scope -> parcel + " " + weight + " " + label);
    }
}
