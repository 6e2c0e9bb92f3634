package io.iterativeflow.it.wildfly;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Flows that no deployment may hold together: two with the same name and version. */
final class TwinFlows {

    static final String TWIN = "wildfly-twin";

    private TwinFlows() {
    }

    @Flow(name = TWIN, version = 1)
    public static class First implements FlowBody<String, String> {
        @Override
        public String run(FlowContext ctx, String input) {
            return input;
        }
    }

    @Flow(name = TWIN, version = 1)
    public static class Second implements FlowBody<String, String> {
        @Override
        public String run(FlowContext ctx, String input) {
            return input;
        }
    }
}
