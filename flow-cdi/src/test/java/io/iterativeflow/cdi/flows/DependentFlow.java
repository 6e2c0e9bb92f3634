package io.iterativeflow.cdi.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@code @Dependent} flow: one instance per attempt, destroyed when the attempt ends. */
@Flow(name = "dependent")
@Dependent
public class DependentFlow implements FlowBody<Void, Integer> {

    /** Instances destroyed, across containers; a test reads the difference. */
    public static final AtomicInteger DESTROYED = new AtomicInteger();

    @Override
    public Integer run(FlowContext ctx, Void input) {
        return ctx.step("answer", Integer.class, scope -> 42);
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.incrementAndGet();
    }
}
