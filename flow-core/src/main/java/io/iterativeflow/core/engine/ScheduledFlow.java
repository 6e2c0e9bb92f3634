package io.iterativeflow.core.engine;

import io.iterativeflow.api.CronSchedule;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.registry.FlowRegistry;
import io.iterativeflow.core.schedule.CronExpression;
import io.iterativeflow.core.schedule.ScheduleCheck;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A checked schedule with its parsed expression and the flow definition its ticks start (the newest version). */
record ScheduledFlow(CronSchedule schedule, CronExpression expression, FlowDefinition<?, ?> flow) {

    /** @throws FlowException {@code CONFIG_INVALID} listing every problem of every schedule */
    static List<ScheduledFlow> resolve(List<CronSchedule> schedules, FlowRegistry registry) {
        List<String> problems = new ArrayList<>();
        List<ScheduledFlow> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CronSchedule schedule : schedules) {
            ScheduleCheck.check(schedule, problems);
            if (!seen.add(schedule.flowName())) {
                problems.add(schedule + ": flow " + schedule.flowName() + " has more than one schedule; give it one");
                continue;
            }
            FlowDefinition<?, ?> flow;
            try {
                flow = registry.newest(schedule.flowName());
            } catch (FlowException unknown) {
                problems.add(schedule + ": no flow named " + schedule.flowName() + " is deployed; deploy it or"
                        + " remove the schedule");
                continue;
            }
            ScheduleCheck.checkInput(schedule, flow, problems);
            if (problems.isEmpty()) {
                resolved.add(new ScheduledFlow(schedule, CronExpression.parse(schedule.cron(), schedule.zone()),
                        flow));
            }
        }
        if (!problems.isEmpty()) {
            throw new FlowException(FlowErrorCode.CONFIG_INVALID, "invalid cron schedule: "
                    + String.join("; ", problems));
        }
        return List.copyOf(resolved);
    }

    String keyPrefix() {
        return "cron:" + schedule.flowName() + ":";
    }
}
