package io.iterativeflow.cdi.schedules;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowSchedule;

@Flow(name = "bad-zone")
@FlowSchedule(cron = "0 7 * * *", zone = "Mars/Olympus", jitter = "soon")
public class BadZoneAndJitter implements FlowBody<Void, Void> {

    @Override
    public Void run(FlowContext ctx, Void none) {
        return null;
    }
}
