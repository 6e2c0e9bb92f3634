package io.iterativeflow.core.engine;

import io.iterativeflow.core.config.DryReplaySettings;
import io.iterativeflow.core.config.EngineSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the dry replays of one deployment check did so far: runs replayed per flow version, runs left out and why. */
final class DryRound {

    static final String EXCLUDED = "excluded";
    static final String LIMIT = "limit";
    static final String BUDGET = "budget";

    private final long deadline;
    private final Map<String, Integer> replayed = new TreeMap<>();
    private final Map<String, Map<String, Integer>> skipped = new TreeMap<>();

    DryRound(long deadlineNanos) {
        this.deadline = deadlineNanos;
    }

    int replayed(String flowId) {
        return replayed.getOrDefault(flowId, 0);
    }

    void replay(String flowId) {
        replayed.merge(flowId, 1, Integer::sum);
    }

    boolean outOfTime() {
        return System.nanoTime() - deadline > 0;
    }

    void skip(String flowId, String why) {
        skipped.computeIfAbsent(flowId, k -> new TreeMap<>()).merge(why, 1, Integer::sum);
    }

    /** One line per flow version and reason. */
    List<String> skipped(DryReplaySettings settings) {
        String key = EngineSettings.PREFIX + "versions.dry-replay.";
        List<String> lines = new ArrayList<>();
        skipped.forEach((flowId, reasons) -> reasons.forEach((why, count) -> lines.add("the dry replay left out "
                + count + " in-flight run(s) of " + flowId + ": " + switch (why) {
                    case EXCLUDED -> "the flow is listed in " + key + "exclude";
                    case LIMIT -> "beyond " + key + "limit (" + settings.limitPerFlow() + " per flow version)";
                    default -> "the dry replays used up " + key + "budget (" + settings.budget() + ")";
                })));
        return List.copyOf(lines);
    }
}
