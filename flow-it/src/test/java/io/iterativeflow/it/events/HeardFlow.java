package io.iterativeflow.it.events;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Two steps; remembers the threads its steps ran on. */
@Flow(name = HeardFlow.NAME)
public class HeardFlow implements FlowBody<String, String> {

    public static final String NAME = "heard";

    static final Set<String> STEP_THREADS = ConcurrentHashMap.newKeySet();

    @Override
    public String run(FlowContext ctx, String input) {
        String first = ctx.step("first", String.class, scope -> {
            STEP_THREADS.add(Thread.currentThread().getName());
            return input + "-1";
        });
        return ctx.step("second", String.class, scope -> {
            STEP_THREADS.add(Thread.currentThread().getName());
            return first + "-2";
        });
    }
}
