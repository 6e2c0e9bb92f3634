package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.CronSchedule;
import io.iterativeflow.core.spi.FlowLimit;
import java.util.List;
import java.util.Map;

/**
 * What the extension checked at deployment and hands to the engine: the flows, the configuration, the schedules, and
 * which flow events the application observes, and the flow limits the configuration sets ({@code flow.flows.*}).
 */
record FlowDeployment(List<DeployedFlow> flows, FlowConfiguration configuration, List<CronSchedule> schedules,
        ObservedFlowEvents observedEvents, Map<String, FlowLimit> limits) {

    FlowDeployment {
        flows = List.copyOf(flows);
        schedules = List.copyOf(schedules);
        limits = Map.copyOf(limits);
    }
}
