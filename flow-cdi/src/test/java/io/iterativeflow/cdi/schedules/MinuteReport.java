package io.iterativeflow.cdi.schedules;

import io.iterativeflow.api.CronTick;
import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowSchedule;

/** A scheduled flow: every minute, in Berlin time. */
@Flow(name = "minute-report")
@FlowSchedule(cron = "* * * * *", zone = "Europe/Berlin")
public class MinuteReport implements FlowBody<CronTick, String> {

    @Override
    public String run(FlowContext ctx, CronTick tick) {
        return ctx.step("render", String.class, s -> tick.flowName() + " at " + tick.scheduledAt());
    }
}
