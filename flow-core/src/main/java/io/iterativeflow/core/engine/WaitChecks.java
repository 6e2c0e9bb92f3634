package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.EventInfo;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.StepInfo;
import io.iterativeflow.api.WaitUntil;
import java.util.Optional;
import java.util.function.Supplier;

/** The check behind each kind of {@link WaitUntil}, over a fresh read of the run. */
final class WaitChecks {

    private WaitChecks() {
    }

    @SuppressWarnings("unchecked")
    static <T> Waiter.Check<T> of(WaitUntil<T> until, Supplier<RunInfo> read) {
        if (until instanceof WaitUntil.Step step) {
            return (Waiter.Check<T>) step(step.cursorKey(), read);
        }
        if (until instanceof WaitUntil.Terminal) {
            return (Waiter.Check<T>) terminal(read);
        }
        if (until instanceof WaitUntil.Signal signal) {
            return (Waiter.Check<T>) signal(signal.name(), read);
        }
        throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "this engine cannot wait for " + until);
    }

    /** The cursor key whose recording should wake the waiter, or null. */
    static String progressKey(WaitUntil<?> until) {
        return until instanceof WaitUntil.Step step ? step.cursorKey() : null;
    }

    /** What the timeout message says the run did not do. */
    static String describe(WaitUntil<?> until) {
        if (until instanceof WaitUntil.Signal signal) {
            return "wait for or receive signal '" + signal.name() + "'";
        }
        return until instanceof WaitUntil.Step step ? "record step '" + step.cursorKey() + "'" : "end";
    }

    private static Waiter.Check<StepInfo> step(String cursorKey, Supplier<RunInfo> read) {
        return () -> {
            RunInfo run = read.get();
            Optional<StepInfo> step = run.step(cursorKey)
                    .filter(s -> "step".equals(s.kind()) && s.finishedAt().isPresent());
            if (step.isPresent()) {
                return Optional.of(new Waiter.Done<>(step.get()));
            }
            if (run.status().isTerminal()) {
                throw new FlowException(FlowErrorCode.WAIT_UNSATISFIABLE, "run " + run.runId() + " is "
                        + run.status().dbName() + " and never recorded step '" + cursorKey + "'; check the step's"
                        + " name (later occurrences are name:1, name:2) and the run's status", run.runId(), null);
            }
            return Optional.empty();
        };
    }

    private static Waiter.Check<RunInfo> terminal(Supplier<RunInfo> read) {
        return () -> {
            RunInfo run = read.get();
            return run.status().isTerminal() ? Optional.of(new Waiter.Done<>(run)) : Optional.empty();
        };
    }

    /**
     * Holds when the run is suspended in a wait for {@code name} (its newest {@code awaiting_signal} event names it)
     * or has consumed a signal of that name (a completed {@code signal} entry).
     */
    private static Waiter.Check<RunInfo> signal(String name, Supplier<RunInfo> read) {
        return () -> {
            RunInfo run = read.get();
            boolean received = run.steps().stream()
                    .anyMatch(s -> "signal".equals(s.kind()) && name.equals(s.name()) && s.completed());
            if (received || waitsFor(run, name)) {
                return Optional.of(new Waiter.Done<>(run));
            }
            if (run.status().isTerminal()) {
                throw new FlowException(FlowErrorCode.WAIT_UNSATISFIABLE, "run " + run.runId() + " is "
                        + run.status().dbName() + " and never waited for or received signal '" + name + "'; check"
                        + " the name the flow passes to ctx.signal and the run's status", run.runId(), null);
            }
            return Optional.empty();
        };
    }

    private static boolean waitsFor(RunInfo run, String name) {
        if (run.status() != RunStatus.AWAITING_SIGNAL) {
            return false;
        }
        for (int i = run.events().size() - 1; i >= 0; i--) {
            EventInfo event = run.events().get(i);
            if ("awaiting_signal".equals(event.type())) {
                return event.detail().filter(name::equals).isPresent();
            }
        }
        return false;
    }
}
