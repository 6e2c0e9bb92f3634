package io.iterativeflow.it.events;

import io.iterativeflow.api.FlowEvent;
import io.iterativeflow.api.FlowName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The application's observers of flow events: every event, the completions of one flow, completions asynchronously. */
@ApplicationScoped
public class EventLog {

    private final List<String> all = new CopyOnWriteArrayList<>();
    private final List<String> heardCompleted = new CopyOnWriteArrayList<>();
    private final List<String> asyncCompleted = new CopyOnWriteArrayList<>();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    void everything(@Observes FlowEvent event) {
        threads.add(Thread.currentThread().getName());
        all.add(line(event));
    }

    void heardCompleted(@Observes @FlowName(HeardFlow.NAME) FlowEvent.RunCompleted event) {
        heardCompleted.add(event.runId());
    }

    void completedAsync(@ObservesAsync FlowEvent.RunCompleted event) {
        asyncCompleted.add(event.runId());
    }

    /** What one of the observers heard (read through methods: the injected bean is a proxy). */
    Collection<String> heard(String list) {
        return switch (list) {
            case "all" -> List.copyOf(all);
            case "heard-completed" -> List.copyOf(heardCompleted);
            case "async-completed" -> List.copyOf(asyncCompleted);
            case "threads" -> Set.copyOf(threads);
            default -> List.of();
        };
    }

    /** {@code <run id> <event> [<cursor key>]}. */
    static String line(FlowEvent event) {
        String line = event.runId() + " " + event.getClass().getSimpleName();
        if (event instanceof FlowEvent.StepFinished step) {
            return line + " " + step.cursorKey() + " " + step.outcome();
        }
        return line;
    }
}
