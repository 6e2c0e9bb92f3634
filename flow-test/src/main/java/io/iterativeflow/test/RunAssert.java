package io.iterativeflow.test;

import io.iterativeflow.api.EventInfo;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.StepInfo;
import io.iterativeflow.api.TimerInfo;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Assertions on the history of one run, read once when {@link TestFlowEnvironment#assertRun(String)} was called.
 * Each failure says what was expected and shows the run's history.
 */
public final class RunAssert {

    private final RunInfo run;

    RunAssert(RunInfo run) {
        this.run = run;
    }

    /** The snapshot the assertions look at, for checks of your own. */
    public RunInfo run() {
        return run;
    }

    public RunAssert hasStatus(RunStatus expected) {
        check(run.status() == expected, "status " + expected.dbName());
        return this;
    }

    /** How many attempts the run had: one per claim (start, wake-up after a sleep, signal or child, replay). */
    public RunAssert hasAttempts(int expected) {
        check(run.attempts() == expected, expected + " attempts, found " + run.attempts());
        return this;
    }

    /** The cursor keys of the run's steps (kind {@code step}), in the order they were recorded. */
    public RunAssert hasSteps(String... cursorKeys) {
        List<String> steps = run.steps().stream().filter(s -> s.kind().equals("step")).map(StepInfo::cursorKey)
                .toList();
        check(steps.equals(Arrays.asList(cursorKeys)), "steps " + Arrays.toString(cursorKeys) + ", found " + steps);
        return this;
    }

    /** The whole history: the cursor keys of steps, sleeps, signals, children and {@code now} values, in order. */
    public RunAssert hasHistory(String... cursorKeys) {
        List<String> keys = run.steps().stream().map(StepInfo::cursorKey).toList();
        check(keys.equals(Arrays.asList(cursorKeys)), "history " + Arrays.toString(cursorKeys) + ", found " + keys);
        return this;
    }

    /** How many tries the step with this cursor key took (failed tries that were retried count). */
    public RunAssert stepTook(String cursorKey, int tries) {
        int found = run.step(cursorKey).map(StepInfo::attempts).orElse(0);
        check(found == tries, "step '" + cursorKey + "' after " + tries + " tries, found " + found);
        return this;
    }

    /** A timer with this cursor key and kind ({@code sleep}, {@code retry}, {@code signal_timeout}, …). */
    public RunAssert hasTimer(String cursorKey, String kind) {
        check(run.timers().stream().anyMatch(t -> t.cursorKey().equals(cursorKey) && t.kind().equals(kind)),
                "a " + kind + " timer '" + cursorKey + "', found " + run.timers().stream()
                        .map(t -> t.kind() + " " + t.cursorKey()).toList());
        return this;
    }

    /** No timer that has not fired yet. */
    public RunAssert hasNoOpenTimers() {
        check(run.timers().stream().allMatch(t -> t.firedAt().isPresent()), "no open timers, found "
                + run.timers().stream().filter(t -> t.firedAt().isEmpty()).map(TimerInfo::cursorKey).toList());
        return this;
    }

    /** These audit event types occur in this order (others may come between them). */
    public RunAssert hasEventsInOrder(String... types) {
        Iterator<String> seen = run.events().stream().map(EventInfo::type).iterator();
        boolean found = true;
        for (String type : types) {
            boolean match = false;
            while (!match && seen.hasNext()) {
                match = seen.next().equals(type);
            }
            found &= match;
        }
        check(found, "events " + Arrays.toString(types) + " in this order, found "
                + run.events().stream().map(EventInfo::type).toList());
        return this;
    }

    private void check(boolean holds, String expected) {
        if (!holds) {
            throw new AssertionError("run " + run.runId() + " (" + run.flowName() + "@" + run.flowVersion()
                    + "): expected " + expected + "; the run: " + TimeSkipping.describe(run));
        }
    }
}
