package io.iterativeflow.core.config;

import java.util.List;

/**
 * Bounds on child runs ({@code ctx.invoke}).
 *
 * @param maxDepth how deep a chain of children may go, the root run counting as 1
 *     ({@code flow.limits.max-invoke-depth}); deeper invokes fail with {@code INVOKE_DEPTH_EXCEEDED}
 * @param maxChildrenPerRun how many children one run may start ({@code flow.limits.max-children-per-run}); more
 *     fail with {@code INVOKE_FANOUT_EXCEEDED}
 */
public record InvokeLimits(int maxDepth, int maxChildrenPerRun) {

    public static InvokeLimits defaults() {
        return new InvokeLimits(10, 1000);
    }

    public InvokeLimits withMaxDepth(int value) {
        return new InvokeLimits(value, maxChildrenPerRun);
    }

    public InvokeLimits withMaxChildrenPerRun(int value) {
        return new InvokeLimits(maxDepth, value);
    }

    void addProblems(List<String> problems) {
        if (maxDepth < 1 || maxDepth > 1000) {
            problems.add(EngineSettings.PREFIX + "limits.max-invoke-depth must be between 1 and 1000, got " + maxDepth);
        }
        if (maxChildrenPerRun < 1 || maxChildrenPerRun > 1_000_000) {
            problems.add(EngineSettings.PREFIX + "limits.max-children-per-run must be between 1 and 1000000, got "
                    + maxChildrenPerRun);
        }
    }
}
