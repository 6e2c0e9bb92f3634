package io.iterativeflow.cdi.parcels;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** The same flow and version with its sleep, child, retried step and signal renamed: no waiting run can be followed. */
@Flow(name = "parcel")
public class RenamedParcelFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String parcel) {
        return Parcels.run(ctx, parcel, "chill", LabelMaker.class, "dispatch", "tag", false);
    }
}
