package io.iterativeflow.core.engine;

import io.iterativeflow.api.PipelineNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cursor keys a node tree can produce, known without running it: for each base (a step's or sleep's name,
 * {@code signal:<name>}, {@code invoke:<flow>@<version>}) its kind and the most occurrences any one run can reach.
 * Levels add up, a branch takes the larger of its arms, and a loop multiplies its body by its maximum iterations, so
 * a loop may have run any number of times up to its limit, while a key of a removed or renamed node, of another kind,
 * or an occurrence beyond what the tree allows is refused.
 */
final class PipelineKeys {

    private final Map<String, String> kinds = new HashMap<>();
    private final Map<String, Long> most;

    PipelineKeys(List<PipelineNode> nodes) {
        this.most = count(nodes);
    }

    boolean canProduce(String cursorKey, String kind) {
        KeyParts parts = KeyParts.parse(cursorKey, kind);
        Long occurrences = most.get(parts.base());
        return parts.canonical() && occurrences != null && kind.equals(kinds.get(parts.base()))
                && parts.occurrence() < occurrences;
    }

    private Map<String, Long> count(List<PipelineNode> nodes) {
        Map<String, Long> counts = new HashMap<>();
        for (PipelineNode node : nodes) {
            if (node instanceof PipelineNode.Branch branch) {
                Map<String, Long> arms = count(branch.whenTrue());
                count(branch.whenFalse()).forEach((base, n) -> arms.merge(base, n, Math::max));
                arms.forEach((base, n) -> counts.merge(base, n, PipelineKeys::add));
            } else if (node instanceof PipelineNode.Loop loop) {
                count(loop.body()).forEach((base, n) -> counts.merge(base, times(n, loop.maxIterations()),
                        PipelineKeys::add));
            } else {
                String base = base(node);
                kinds.put(base, kind(node));
                counts.merge(base, 1L, PipelineKeys::add);
            }
        }
        return counts;
    }

    private static String base(PipelineNode node) {
        return node instanceof PipelineNode.Signal ? "signal:" + node.name() : node.name();
    }

    private static String kind(PipelineNode node) {
        if (node instanceof PipelineNode.Step) {
            return "step";
        }
        if (node instanceof PipelineNode.Sleep) {
            return "sleep";
        }
        return node instanceof PipelineNode.Signal ? "signal" : "invoke";
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long times(long n, int iterations) {
        return n > Long.MAX_VALUE / iterations ? Long.MAX_VALUE : n * iterations;
    }
}
