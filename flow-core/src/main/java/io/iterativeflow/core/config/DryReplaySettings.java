package io.iterativeflow.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The dry replay of the deployment check: how many in-flight runs of each code flow version the deployed body is
 * replayed against, for how long in all, and which flows are left out.
 *
 * @param limitPerFlow most in-flight runs replayed per flow version ({@code flow.versions.dry-replay.limit}); 0 turns
 *     the dry replay off
 * @param budget how long the dry replays of one deployment may take in all ({@code flow.versions.dry-replay.budget})
 * @param excluded names of flows never replayed ({@code flow.versions.dry-replay.exclude})
 */
public record DryReplaySettings(int limitPerFlow, Duration budget, Set<String> excluded) {

    public static final int DEFAULT_LIMIT = 100;
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

    public DryReplaySettings {
        excluded = excluded == null ? null : Set.copyOf(excluded);
    }

    /** 100 runs per flow version, 10 seconds in all, no flow excluded. */
    public static DryReplaySettings defaults() {
        return new DryReplaySettings(DEFAULT_LIMIT, DEFAULT_BUDGET, Set.of());
    }

    /** No dry replay. */
    public static DryReplaySettings off() {
        return new DryReplaySettings(0, DEFAULT_BUDGET, Set.of());
    }

    public DryReplaySettings withLimitPerFlow(int value) {
        return new DryReplaySettings(value, budget, excluded);
    }

    public DryReplaySettings withBudget(Duration value) {
        return new DryReplaySettings(limitPerFlow, value, excluded);
    }

    public DryReplaySettings withExcluded(Set<String> value) {
        return new DryReplaySettings(limitPerFlow, budget, value);
    }

    /** Every invalid value, named by its key; empty when all are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (limitPerFlow < 0) {
            problems.add(EngineSettings.PREFIX + "versions.dry-replay.limit must be 0 (off) or more, got "
                    + limitPerFlow);
        }
        if (budget == null || budget.isNegative() || budget.isZero()) {
            problems.add(EngineSettings.PREFIX + "versions.dry-replay.budget must be a positive duration (such as"
                    + " 10s), got " + budget);
        }
        if (excluded == null) {
            problems.add(EngineSettings.PREFIX + "versions.dry-replay.exclude must list flow names, or be empty");
        }
        return problems;
    }
}
