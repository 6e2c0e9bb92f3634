package io.iterativeflow.cdi.internal;

import static io.iterativeflow.api.FlowErrorCode.CONFIG_INVALID;
import static io.iterativeflow.api.FlowErrorCode.FLOW_INVALID;

/** The deployment messages about {@code @FlowSchedule}, with their stable ids (FLOWCDI05x). */
final class ScheduleMessages {

    private ScheduleMessages() {
    }

    static Problem invalid(Class<?> flowClass, String why) {
        return new Problem(CONFIG_INVALID, "FLOWCDI050", "@FlowSchedule on " + flowClass.getName() + ": " + why);
    }

    static Problem badZone(Class<?> flowClass, String zone) {
        return new Problem(CONFIG_INVALID, "FLOWCDI051", "@FlowSchedule on " + flowClass.getName() + " has zone '"
                + zone + "', which is not a time zone; use a region such as Europe/Berlin, or UTC");
    }

    static Problem badJitter(Class<?> flowClass, String jitter, String why) {
        return new Problem(CONFIG_INVALID, "FLOWCDI052", "@FlowSchedule on " + flowClass.getName() + " has jitter '"
                + jitter + "': " + why);
    }

    static Problem badMethod(String method, String why) {
        return new Problem(FLOW_INVALID, "FLOWCDI054", method + " cannot be scheduled: " + why);
    }

    static Problem duplicateMethodFlow(String method, String flowName) {
        return new Problem(FLOW_INVALID, "FLOWCDI055", method + " would run as flow '" + flowName + "', a name"
                + " another flow already has; rename the method or that flow");
    }

    static Problem notAFlow(Class<?> type) {
        return new Problem(FLOW_INVALID, "FLOWCDI053", type.getName() + " has @FlowSchedule but no @Flow; a schedule"
                + " starts runs of the flow it annotates: add @Flow");
    }
}
