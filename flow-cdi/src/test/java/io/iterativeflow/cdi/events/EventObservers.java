package io.iterativeflow.cdi.events;

import io.iterativeflow.api.FlowEvent;
import io.iterativeflow.api.FlowName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes flow events as an application would: all of them, those of one flow, and asynchronously. */
@ApplicationScoped
public class EventObservers {

    private final List<FlowEvent> all = new CopyOnWriteArrayList<>();
    private final List<FlowEvent> greetings = new CopyOnWriteArrayList<>();
    private final List<FlowEvent> naps = new CopyOnWriteArrayList<>();
    private final List<FlowEvent> async = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    void everything(@Observes FlowEvent event) {
        all.add(event);
        threads.add(Thread.currentThread().getName());
    }

    void greetingCompleted(@Observes @FlowName("greeting") FlowEvent.RunCompleted event) {
        greetings.add(event);
    }

    void napSuspended(@Observes @FlowName("nap") FlowEvent.RunSuspended event) {
        naps.add(event);
    }

    void completedAsync(@ObservesAsync FlowEvent.RunCompleted event) {
        async.add(event);
    }

    public List<FlowEvent> all() {
        return List.copyOf(all);
    }

    public List<FlowEvent> greetings() {
        return List.copyOf(greetings);
    }

    public List<FlowEvent> naps() {
        return List.copyOf(naps);
    }

    public List<FlowEvent> async() {
        return List.copyOf(async);
    }

    /** The names of the threads the synchronous observer ran on. */
    public List<String> threads() {
        return List.copyOf(threads);
    }
}
