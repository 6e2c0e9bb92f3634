package io.iterativeflow.cdi.invalid;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

@Flow(name = "version-zero", version = 0)
public class VersionZeroFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String input) {
        return input;
    }
}
