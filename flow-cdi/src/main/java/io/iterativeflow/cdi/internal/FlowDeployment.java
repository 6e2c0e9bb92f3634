package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.CronSchedule;
import java.util.List;

/**
 * What the extension checked at deployment and hands to the engine: the flows, the configuration, the schedules, and
 * which flow events the application observes.
 */
record FlowDeployment(List<DeployedFlow> flows, FlowConfiguration configuration, List<CronSchedule> schedules,
        ObservedFlowEvents observedEvents) {

    FlowDeployment {
        flows = List.copyOf(flows);
        schedules = List.copyOf(schedules);
    }
}
