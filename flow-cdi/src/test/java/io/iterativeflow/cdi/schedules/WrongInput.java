package io.iterativeflow.cdi.schedules;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowSchedule;

@Flow(name = "wrong-input")
@FlowSchedule(cron = "0 7 * * *")
public class WrongInput implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String input) {
        return input;
    }
}
