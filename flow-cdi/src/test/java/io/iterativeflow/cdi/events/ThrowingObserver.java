package io.iterativeflow.cdi.events;

import io.iterativeflow.api.FlowEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.concurrent.atomic.AtomicInteger;

/** An observer with a bug, once armed: it throws on every start it hears, and on every completion asynchronously. */
@ApplicationScoped
public class ThrowingObserver {

    private static volatile boolean armed;
    private static final AtomicInteger THROWN = new AtomicInteger();

    public static void arm(boolean on) {
        armed = on;
        THROWN.set(0);
    }

    public static int thrown() {
        return THROWN.get();
    }

    void started(@Observes FlowEvent.RunStarted event) {
        if (armed) {
            THROWN.incrementAndGet();
            throw new IllegalStateException("observer bug on " + event.runId());
        }
    }

    void completed(@ObservesAsync FlowEvent.RunCompleted event) {
        if (armed) {
            THROWN.incrementAndGet();
            throw new IllegalStateException("async observer bug on " + event.runId());
        }
    }
}
