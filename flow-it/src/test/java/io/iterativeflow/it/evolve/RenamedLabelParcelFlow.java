package io.iterativeflow.it.evolve;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Weighs a parcel and waits for its label: the same flow and version with its signal renamed. */
@Flow(name = "parcel")
public class RenamedLabelParcelFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String parcel) {
        String weight = ctx.step("weigh", String.class, scope -> "2kg");
        return parcel + " " + weight + " " + ctx.signal("tag", String.class);
    }
}
