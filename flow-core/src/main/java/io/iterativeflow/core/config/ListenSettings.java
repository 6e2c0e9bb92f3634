package io.iterativeflow.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's database listener ({@code LISTEN}): it wakes the dispatcher and result waiters as soon as a run
 * becomes ready, ends or records a step, on this instance or another. Polling stays on as the fallback.
 *
 * @param enabled whether the engine listens ({@code flow.worker.listen}); off, everything is found by polling
 * @param initialBackoff the wait before the first reconnect after a failure; it doubles on every further failure
 * @param maxBackoff the longest wait between reconnects
 */
public record ListenSettings(boolean enabled, Duration initialBackoff, Duration maxBackoff, boolean notifyProgress) {

    /** Listening on; back-off 1 s doubling to 30 s. */
    public static ListenSettings defaults() {
        return new ListenSettings(true, Duration.ofSeconds(1), Duration.ofSeconds(30), false);
    }

    public ListenSettings withEnabled(boolean value) {
        return new ListenSettings(value, initialBackoff, maxBackoff, notifyProgress);
    }

    public ListenSettings withBackoff(Duration initial, Duration max) {
        return new ListenSettings(enabled, initial, max, notifyProgress);
    }

    /**
     * Whether the store announces every recorded step ({@code flow_progress}), so that step waits on other instances
     * wake at once instead of at their next poll. Off by default: PostgreSQL serializes the commits of transactions
     * that notify, so a notification per step costs throughput.
     */
    public ListenSettings withNotifyProgress(boolean value) {
        return new ListenSettings(enabled, initialBackoff, maxBackoff, value);
    }

    /** Every invalid value; empty when all are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (initialBackoff == null || initialBackoff.toMillis() < 1) {
            problems.add("listener back-off must be at least 1ms, got " + initialBackoff);
        } else if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            problems.add("listener maximum back-off must be at least the initial back-off " + initialBackoff
                    + ", got " + maxBackoff);
        }
        return problems;
    }
}
