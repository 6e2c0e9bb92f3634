package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.api.StartOutcome;
import io.iterativeflow.api.StartRequest;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.RunCommands.LocalStart;
import io.iterativeflow.core.spi.StartResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts runs of one flow: checks and serializes every input before anything is written, creates the runs (one
 * transaction, the caller's when the store joins it) and wakes this instance once they are committed.
 */
final class Starts<I> {

    private final FlowDefinition<I, ?> definition;
    private final EngineParts parts;
    private final Dispatcher dispatcher;
    private final Runnable wake;

    Starts(FlowDefinition<I, ?> definition, EngineParts parts, Dispatcher dispatcher) {
        this.definition = definition;
        this.parts = parts;
        this.dispatcher = dispatcher;
        this.wake = dispatcher::wake;
    }

    /**
     * Starts one run, or finds the run that holds its idempotency key. A run ready now, started while this instance
     * has a free worker, is created already claimed by this instance and handed to that worker: no claim round, no
     * ready notification, no other instance looks for it. Otherwise (no free worker, a delayed start, a caller's
     * transaction, a key that found its run) it waits in the queue.
     */
    StartOutcome start(I input, StartOptions options) {
        NewRun run = newRun(input, options, "", parts.callers().current());
        Inputs.validate(parts.inputCheck(), "the input of flow " + definition, Collections.singletonList(input),
                false, null);
        // a run under a limit or a concurrency key waits for the claim, which keeps them across instances
        if (run.delay().isZero() && run.concurrencyKey().isEmpty() && !parts.registry().limited(run.flowName())
                && dispatcher.reserve()) {
            LocalStart local;
            try {
                local = parts.store().createRunClaimed(run, parts.instanceId(), parts.settings().leaseDuration());
            } catch (RuntimeException e) {
                dispatcher.unreserve();
                throw e;
            }
            String runId = local.start().runId().toString();
            if (local.claimed().isPresent()) {
                announce(List.of(runId));
                dispatcher.runReserved(local.claimed().get());
                return new StartOutcome(runId, true);
            }
            dispatcher.unreserve();
            wakeAfterCommit(List.of(run), List.of(local.start()));
            return new StartOutcome(runId, local.start().created());
        }
        StartResult result = parts.store().createRun(run);
        wakeAfterCommit(List.of(run), List.of(result));
        return new StartOutcome(result.runId().toString(), result.created());
    }

    List<String> startAll(List<StartRequest<I>> requests) {
        Args.notNull("start requests", requests);
        List<NewRun> runs = new ArrayList<>(requests.size());
        Optional<String> caller = parts.callers().current();
        for (int i = 0; i < requests.size(); i++) {
            StartRequest<I> request = requests.get(i);
            String where = " (request " + i + " of startAll)";
            if (request == null) {
                throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "start request must not be null" + where);
            }
            runs.add(newRun(request.input(), request.options(), where, caller));
        }
        if (runs.isEmpty()) {
            return List.of();
        }
        Inputs.validate(parts.inputCheck(), "startAll of flow " + definition,
                requests.stream().map(StartRequest::input).toList(), true, null);
        List<StartResult> results = parts.store().createRuns(runs);
        wakeAfterCommit(runs, results);
        return results.stream().map(r -> r.runId().toString()).toList();
    }

    /** Checks and serializes one start; nothing is written. */
    private NewRun newRun(I input, StartOptions options, String where, Optional<String> caller) {
        Args.notNull("start options" + where, options);
        Args.startOptions(options.idempotencyKey(), options.tags(), where);
        options.concurrencyKey().ifPresent(key -> Texts.check("concurrency key" + where, key));
        if (options.delay().compareTo(Args.MAX_DELAY) > 0) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "start delay" + where + " is " + options.delay()
                    + ", more than the " + Args.MAX_DELAY.toDays() + " days allowed; start the run later instead");
        }
        String json = Inputs.toJson(parts.codec(), definition, input, parts.settings().limits().maxInputBytes(),
                "the input of flow " + definition + where, null);
        return new NewRun(UUID.randomUUID(), definition.name(), definition.version(), json,
                options.idempotencyKey(), options.tags(), options.priority(), options.delay(),
                parts.tracer() == null ? null : Traces.currentContext(parts.tracer()),
                options.concurrencyKey(), caller);
    }

    private void announce(List<String> created) {
        created.forEach(runId -> RunEvents.started(parts, definition.name(), definition.version(), runId));
    }

    /** Wakes this instance for the runs just created, once their transaction (maybe the caller's) committed. */
    private void wakeAfterCommit(List<NewRun> runs, List<StartResult> results) {
        boolean readyNow = false;
        Duration firstDelay = null;
        List<String> created = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (!results.get(i).created()) {
                continue;
            }
            created.add(results.get(i).runId().toString());
            Duration delay = runs.get(i).delay();
            if (delay.isZero()) {
                readyNow = true;
            } else if (firstDelay == null || delay.compareTo(firstDelay) < 0) {
                firstDelay = delay;
            }
        }
        if (created.isEmpty()) {
            return;
        }
        boolean now = readyNow;
        Duration later = firstDelay;
        parts.store().afterCommit(() -> {
            announce(created);
            if (now) {
                wake.run();
            }
            if (later != null) {
                parts.wakes().wakeAt(parts.clock().instant().plus(later));
            }
        });
    }
}
