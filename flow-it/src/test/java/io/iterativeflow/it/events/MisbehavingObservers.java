package io.iterativeflow.it.events;

import io.iterativeflow.api.FlowEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.CountDownLatch;

/**
 * Observers with bugs: one throws on every finished step (after the other observers heard it) and on every
 * completion asynchronously; one, once the gate is closed, does not return from the next start it hears until the
 * gate opens.
 */
@ApplicationScoped
public class MisbehavingObservers {

    private static volatile CountDownLatch entered = new CountDownLatch(0);
    private static volatile CountDownLatch gate = new CountDownLatch(0);

    static void closeGate() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    static void openGate() {
        gate.countDown();
    }

    static boolean blocking() {
        return entered.getCount() == 0 && gate.getCount() > 0;
    }

    void throwOnStep(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) FlowEvent.StepFinished event) {
        throw new IllegalStateException("observer bug on step " + event.cursorKey());
    }

    void throwAsync(@ObservesAsync FlowEvent.RunCompleted event) {
        throw new IllegalStateException("async observer bug on " + event.runId());
    }

    void slowOnStart(@Observes FlowEvent.RunStarted event) throws InterruptedException {
        if (entered.getCount() > 0) {
            entered.countDown();
            gate.await();
        }
    }
}
