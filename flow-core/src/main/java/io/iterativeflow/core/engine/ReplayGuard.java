package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.HistoryEntry;
import io.iterativeflow.core.spi.TimerEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Detects replay drift of one attempt: code that no longer asks for what the run recorded, in the order it recorded
 * it. Annotated bodies have no static node tree, so the check happens as the body runs: the recorded entries
 * (steps, {@code now}, in history order) must be asked for in that order, each with its recorded kind, and all of
 * them before the attempt does anything new, suspends or returns; recorded sleep timers must be asked for before it
 * returns.
 *
 * <p>A drift fails the attempt (and the run, without retry) with {@code REPLAY_INCOMPATIBLE_VERSION} when a
 * recorded key changed kind or its base is no longer asked for (a renamed or removed operation), and with
 * {@code REPLAY_NON_DETERMINISTIC} when the base is still there but occurs a different number of times (fewer, or
 * an extra occurrence where the record has something else). Once found, the drift sticks: every later call reports
 * it again, so a body that catches it cannot go on.
 */
final class ReplayGuard {

    private final ClaimedRun run;
    private final List<HistoryEntry> recorded;
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, TimerEntry> sleeps = new LinkedHashMap<>();
    private final Set<String> recordedBases = new HashSet<>();
    private final Map<String, Integer> asked = new HashMap<>();
    private final Set<String> replayedSleeps = new HashSet<>();
    private final Set<String> reached = new HashSet<>();
    private String lastKey;
    private String lastKind;
    private int next;
    private DriftException drift;

    ReplayGuard(ClaimedRun run) {
        this.run = run;
        this.recorded = new ArrayList<>(run.history());
        for (int i = 0; i < recorded.size(); i++) {
            HistoryEntry entry = recorded.get(i);
            positions.put(entry.cursorKey(), i);
            recordedBases.add(KeyParts.parse(entry.cursorKey(), entry.kind()).base());
        }
        for (TimerEntry timer : run.timers()) {
            if ("sleep".equals(timer.kind()) && !positions.containsKey(timer.cursorKey())) {
                sleeps.put(timer.cursorKey(), timer);
                recordedBases.add(KeyParts.parse(timer.cursorKey(), timer.kind()).base());
            }
        }
    }

    /**
     * Checks the operation at {@code key} of {@code kind} and returns its recorded entry, or null when it has none
     * (new, or a sleep recorded only as a timer).
     *
     * @throws DriftException when the code drifted from the record
     */
    HistoryEntry expect(String key, String kind) {
        if (drift != null) {
            throw drift;
        }
        asked.merge(KeyParts.parse(key, kind).base(), 1, Integer::sum);
        reached.add(kind + " " + key);
        lastKey = key;
        lastKind = kind;
        Integer at = positions.get(key);
        if (at != null) {
            HistoryEntry entry = recorded.get(at);
            if (!entry.kind().equals(kind)) {
                throw fail(DriftMessages.changedKind(run, "history position " + at, key, entry.kind(), kind));
            }
            if (at > next) {
                throw fail(missed(recorded.get(next).cursorKey(), recorded.get(next).kind(), next, key, kind, true));
            }
            next = Math.max(next, at + 1);
            return entry;
        }
        TimerEntry sleep = sleeps.remove(key);
        if (sleep != null) {
            replayedSleeps.add(key);
        }
        if (sleep != null && !"sleep".equals(kind)) {
            throw fail(DriftMessages.changedKind(run, "a sleep timer", key, "sleep", kind));
        }
        if (sleep == null && !"sleep".equals(kind) && next < recorded.size()) {
            throw fail(missed(recorded.get(next).cursorKey(), recorded.get(next).kind(), next, key, kind, false));
        }
        return null;
    }

    /**
     * Called before the attempt suspends on the sleep at {@code key}: a suspension ends the attempt, so everything
     * recorded must have been asked for by then (a sleep that records nothing is not checked earlier, see
     * {@link #expect}).
     *
     * @throws DriftException when a recorded entry was not
     */
    void beforeSleeping(String key) {
        if (drift != null) {
            throw drift;
        }
        if (next < recorded.size()) {
            HistoryEntry entry = recorded.get(next);
            throw fail(missed(entry.cursorKey(), entry.kind(), next, key, "sleep", replayedSleeps.contains(key)));
        }
    }

    /**
     * Called when the body returned: everything recorded must have been asked for.
     *
     * @throws DriftException when a recorded entry was not, or an earlier drift was swallowed by the body
     */
    void checkReturned() {
        if (drift != null) {
            throw drift;
        }
        if (next < recorded.size()) {
            HistoryEntry entry = recorded.get(next);
            throw fail(notAsked(entry.cursorKey(), entry.kind(), "history position " + next));
        }
        if (!sleeps.isEmpty()) {
            TimerEntry timer = sleeps.values().iterator().next();
            throw fail(notAsked(timer.cursorKey(), timer.kind(), "a sleep timer"));
        }
    }

    /** True when the body asked for the operation of {@code kind} at {@code key}. */
    boolean reached(String key, String kind) {
        return reached.contains(kind + " " + key);
    }

    /** The key of the last operation the body asked for; null before the first. */
    String lastKey() {
        return lastKey;
    }

    /** The kind of the last operation the body asked for; null before the first. */
    String lastKind() {
        return lastKind;
    }

    /** The drift this attempt found, if any (also when the body caught it). */
    DriftException drift() {
        return drift;
    }

    private DriftException missed(String recordedKey, String recordedKind, int position, String key, String kind,
            boolean keyIsRecorded) {
        KeyParts missed = KeyParts.parse(recordedKey, recordedKind);
        KeyParts now = KeyParts.parse(key, kind);
        boolean occurrences = missed.canonical() && (missed.base().equals(now.base())
                || asked.getOrDefault(missed.base(), 0) > 0
                || (!keyIsRecorded && recordedBases.contains(now.base())));
        String where = "history position " + position;
        return occurrences
                ? DriftMessages.occurrences(run, where, recordedKind, recordedKey, kind, key,
                        asked.getOrDefault(missed.base(), 0), missed.base())
                : DriftMessages.replaced(run, where, recordedKind, recordedKey, kind, key);
    }

    private DriftException notAsked(String recordedKey, String recordedKind, String where) {
        KeyParts missed = KeyParts.parse(recordedKey, recordedKind);
        int times = asked.getOrDefault(missed.base(), 0);
        return missed.canonical() && times > 0
                ? DriftMessages.fewerOccurrences(run, where, recordedKind, recordedKey, times, missed.base())
                : DriftMessages.gone(run, where, recordedKind, recordedKey);
    }

    private DriftException fail(DriftException found) {
        drift = found;
        return found;
    }
}
