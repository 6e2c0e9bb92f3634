package io.iterativeflow.cdi.schedules;

import io.iterativeflow.api.CronTick;
import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowSchedule;

@Flow(name = "bad-cron")
@FlowSchedule(cron = "0 25 * * *")
public class BadCron implements FlowBody<CronTick, Void> {

    @Override
    public Void run(FlowContext ctx, CronTick tick) {
        return null;
    }
}
