package io.iterativeflow.cdi.parcels;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** A child of the parcel flows that waits for a signal nobody sends. */
@Flow(name = "label-maker")
public class LabelMaker implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String parcel) {
        return ctx.signal("printed", String.class);
    }
}
