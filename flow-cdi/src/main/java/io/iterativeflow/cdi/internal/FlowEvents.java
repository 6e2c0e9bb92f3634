package io.iterativeflow.cdi.internal;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;

/** Decides whether the engine's flow events are fired as CDI events, and on which threads. */
final class FlowEvents {

    private FlowEvents() {
    }

    /**
     * The dispatcher of the flow events, not started; empty when no observer method of the application can hear one.
     * Its thread comes from the container's managed thread factory (a thread of its own outside a container);
     * {@code @ObservesAsync} methods run on {@code workers}, the managed executor, when there is one.
     */
    static Optional<FlowEventDispatcher> dispatcher(ObservedFlowEvents observed, EngineResources resources,
            Optional<ExecutorService> workers) {
        if (!observed.any()) {
            return Optional.empty();
        }
        ThreadFactory threads = resources.eventThreads().orElse(FlowEvents::ownThread);
        return Optional.of(new FlowEventDispatcher(resources.flowEvents(), observed, threads,
                workers.map(Executor.class::cast), FlowEventDispatcher.CAPACITY));
    }

    private static Thread ownThread(Runnable task) {
        Thread thread = new Thread(task, "iterativeflow events");
        thread.setDaemon(true);
        return thread;
    }
}
