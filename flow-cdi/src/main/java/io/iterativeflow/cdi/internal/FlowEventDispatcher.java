package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowEvent;
import io.iterativeflow.api.FlowListener;
import io.iterativeflow.api.FlowName;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires the engine's {@link FlowEvent}s as CDI events, qualified with {@link FlowName}, so that no observer can break
 * or stall the engine. The engine's thread only puts the event into a bounded queue and returns; one thread of this
 * dispatcher takes the events in order and fires them: to {@code @Observes} methods on that thread, to
 * {@code @ObservesAsync} methods on the container's executor. An observer that throws is logged; one that is slow
 * holds up only the observers after it. When the queue is full the engine does not wait: events are dropped (and
 * counted in the log) until the observers catch up.
 */
final class FlowEventDispatcher implements FlowListener {

    /** Events waiting for their observers at most; beyond them events are dropped. */
    static final int CAPACITY = 10_000;

    private static final Logger LOG = Logger.getLogger(FlowEventDispatcher.class.getName());
    private static final Object END = new Object();

    private final Event<FlowEvent> events;
    private final ObservedFlowEvents observed;
    private final Optional<Executor> asyncExecutor;
    private final BlockingQueue<Object> queue;
    private final ThreadFactory threads;
    private Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param threads where the dispatching thread comes from (the container's managed thread factory)
     * @param asyncExecutor the executor of {@code @ObservesAsync} methods; empty: the container's default
     */
    FlowEventDispatcher(Event<FlowEvent> events, ObservedFlowEvents observed, ThreadFactory threads,
            Optional<Executor> asyncExecutor, int capacity) {
        this.events = events;
        this.observed = observed;
        this.asyncExecutor = asyncExecutor;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.threads = threads;
    }

    /** Starts the dispatching thread. */
    synchronized FlowEventDispatcher start() {
        thread = threads.newThread(this::dispatch);
        thread.start();
        return this;
    }

    @Override
    public void flowEvent(FlowEvent event) {
        if (closed || !(observed.sync(event.getClass()) || observed.async(event.getClass()))) {
            return;
        }
        if (!queue.offer(event) && dropped.getAndIncrement() == 0) {
            LOG.warning(() -> "iterativeflow: " + queue.size() + " flow events wait for their CDI observers, the"
                    + " most it keeps; an observer is slow, so events are dropped until it catches up (make the"
                    + " observer quick, or observe with @ObservesAsync)");
        }
    }

    /** Lets the queued events be delivered for up to {@code grace}, then stops the thread. */
    synchronized void stop(Duration grace) {
        closed = true;
        if (thread == null) {
            return;
        }
        if (!queue.offer(END)) {
            thread.interrupt();
        }
        try {
            thread.join(Math.max(1, grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            LOG.warning(() -> "iterativeflow: an observer of flow events did not return within " + grace
                    + " of the shutdown; " + queue.size() + " events were not delivered");
        }
    }

    private void dispatch() {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == END) {
                return;
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.warning(() -> "iterativeflow: " + lost + " flow events were dropped while the queue for their"
                        + " CDI observers was full");
            }
            deliver((FlowEvent) next);
        }
    }

    private void deliver(FlowEvent event) {
        Event<FlowEvent> qualified = events.select(FlowName.Literal.of(event.flowName()));
        if (observed.sync(event.getClass())) {
            try {
                qualified.fire(event);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable failure) {
                failed("an @Observes", event, failure);
            }
        }
        if (observed.async(event.getClass())) {
            try {
                asyncExecutor.map(executor -> qualified.fireAsync(event, NotificationOptions.ofExecutor(executor)))
                        .orElseGet(() -> qualified.fireAsync(event))
                        .whenComplete((delivered, failure) -> {
                            if (failure != null) {
                                failed("an @ObservesAsync", event, failure);
                            }
                        });
            } catch (RuntimeException failure) {
                failed("an @ObservesAsync", event, failure);
            }
        }
    }

    /** The first failure is a warning with its stack trace; later ones are logged at FINE. */
    private void failed(String observer, FlowEvent event, Throwable failure) {
        boolean first = failures.getAndIncrement() == 0;
        LOG.log(first ? Level.WARNING : Level.FINE, failure, () -> "iterativeflow: " + observer + " observer of "
                + event + " threw; the engine goes on" + (first ? " (later failures of observers are logged at FINE)"
                        : ""));
    }
}
