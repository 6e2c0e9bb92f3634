package io.iterativeflow.cdi.parcels;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Weighs a parcel, waits, waits for its label, ships it: the code deployed when the runs started. */
@Flow(name = "parcel")
public class ParcelFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String parcel) {
        return Parcels.run(ctx, parcel, "cool", LabelPrinter.class, "ship", "label", false);
    }
}
