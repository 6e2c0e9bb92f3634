package io.iterativeflow.cdi.parcels;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** The same flow and version with one more step after the wait: every run can be followed. */
@Flow(name = "parcel")
public class CompatibleParcelFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String parcel) {
        return Parcels.run(ctx, parcel, "cool", LabelPrinter.class, "ship", "label", true);
    }
}
