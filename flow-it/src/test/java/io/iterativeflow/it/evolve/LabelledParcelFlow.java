package io.iterativeflow.it.evolve;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Weighs a parcel and waits for its label: the code deployed when a run started. */
@Flow(name = "parcel")
public class LabelledParcelFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String parcel) {
        String weight = ctx.step("weigh", String.class, scope -> "2kg");
        return parcel + " " + weight + " " + ctx.signal("label", String.class);
    }
}
