package io.iterativeflow.it.metrics;

import java.time.Duration;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Runs inside Liberty: sleeps for an hour (durably, no thread held), then returns its input. */
@Flow(name = NappingFlow.NAME)
public class NappingFlow implements FlowBody<String, String> {

    public static final String NAME = "it-metrics-napping";

    @Override
    public String run(FlowContext ctx, String input) {
        ctx.sleep("nap", Duration.ofHours(1));
        return input;
    }
}
