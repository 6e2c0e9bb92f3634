package io.iterativeflow.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run this instance just claimed: its row, its whole history (loaded once per attempt), and the database time of
 * the claim, which decides whether a timer is due. {@code attempt - suspensions} counts the attempts that did not end
 * cleanly (crash, lost lease), including this one. {@code traceParent} is the W3C trace context stored with the run at
 * its start (null when none was): the attempt's span continues it. {@code keyed}: the run has a concurrency key, so
 * the next run of its key may become ready when this attempt ends.
 */
public record ClaimedRun(
        UUID runId,
        String flowName,
        int flowVersion,
        String inputJson,
        int attempt,
        int suspensions,
        int depth,
        String owner,
        Instant claimedAt,
        List<HistoryEntry> history,
        List<TimerEntry> timers,
        String traceParent,
        boolean keyed) {

    public ClaimedRun {
        history = List.copyOf(history);
        timers = List.copyOf(timers);
    }

    /** A claimed run without a trace context or a concurrency key. */
    public ClaimedRun(UUID runId, String flowName, int flowVersion, String inputJson, int attempt, int suspensions,
            int depth, String owner, Instant claimedAt, List<HistoryEntry> history, List<TimerEntry> timers) {
        this(runId, flowName, flowVersion, inputJson, attempt, suspensions, depth, owner, claimedAt, history, timers,
                null, false);
    }

    /** A claimed run without a concurrency key. */
    public ClaimedRun(UUID runId, String flowName, int flowVersion, String inputJson, int attempt, int suspensions,
            int depth, String owner, Instant claimedAt, List<HistoryEntry> history, List<TimerEntry> timers,
            String traceParent) {
        this(runId, flowName, flowVersion, inputJson, attempt, suspensions, depth, owner, claimedAt, history, timers,
                traceParent, false);
    }

    /** A claimed run without a trace context. */
    public ClaimedRun(UUID runId, String flowName, int flowVersion, String inputJson, int attempt, int suspensions,
            int depth, String owner, Instant claimedAt, List<HistoryEntry> history, List<TimerEntry> timers,
            boolean keyed) {
        this(runId, flowName, flowVersion, inputJson, attempt, suspensions, depth, owner, claimedAt, history, timers,
                null, keyed);
    }

    /** Attempts, this one included, that did not end by suspending or finishing the run. */
    public int uncleanAttempts() {
        return attempt - suspensions;
    }

    public Fence fence() {
        return new Fence(runId, owner, attempt);
    }
}
