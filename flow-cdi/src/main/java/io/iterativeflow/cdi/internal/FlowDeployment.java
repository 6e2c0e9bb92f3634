package io.iterativeflow.cdi.internal;

import java.util.List;

/** What the extension checked at deployment and hands to the engine: the flows and the configuration. */
record FlowDeployment(List<DeployedFlow> flows, FlowConfiguration configuration) {

    FlowDeployment {
        flows = List.copyOf(flows);
    }
}
