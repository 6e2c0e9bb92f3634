package io.iterativeflow.api;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The build-time checks of pipeline nodes; each failure is an {@link IllegalArgumentException} naming the node. */
final class PipelineChecks {

    private static final int MAX_NAME_LENGTH = 200;

    private PipelineChecks() {
    }

    /** Node names follow the rules of step names: the engine builds cursor keys from them. */
    static void name(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " name must not be null or blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(what + " name is " + name.length() + " characters long; at most "
                    + MAX_NAME_LENGTH + " are allowed");
        }
        if (name.indexOf(':') >= 0 || name.indexOf('#') >= 0) {
            throw new IllegalArgumentException(what + " name '" + name + "' must not contain ':' or '#'");
        }
    }

    static void notNull(String node, String what, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("node '" + node + "': " + what + " must not be null");
        }
    }

    /** An immutable copy of one level's nodes, refused when it holds null or two nodes with one name. */
    static List<PipelineNode> level(String where, List<PipelineNode> nodes) {
        if (nodes == null) {
            throw new IllegalArgumentException(where + ": the node list must not be null");
        }
        Set<String> names = new HashSet<>();
        for (PipelineNode node : nodes) {
            if (node == null) {
                throw new IllegalArgumentException(where + ": the node list must not hold null");
            }
            if (!names.add(node.name())) {
                throw new IllegalArgumentException(where + ": node name '" + node.name() + "' is used twice at one"
                        + " level; give each node its own name (use a loop to repeat work)");
            }
        }
        return List.copyOf(nodes);
    }

    /**
     * Refuses a tree where one name is a step in one place and a sleep in another: both take their cursor key from
     * the name, so the engine could not tell them apart.
     */
    static void keyKinds(List<PipelineNode> nodes) {
        keyKinds(nodes, new HashMap<>());
    }

    private static void keyKinds(List<PipelineNode> nodes, Map<String, String> kinds) {
        for (PipelineNode node : nodes) {
            String kind = node instanceof PipelineNode.Step ? "step" : node instanceof PipelineNode.Sleep ? "sleep"
                    : null;
            if (kind != null) {
                String earlier = kinds.putIfAbsent(node.name(), kind);
                if (earlier != null && !earlier.equals(kind)) {
                    throw new IllegalArgumentException("node name '" + node.name() + "' is a " + earlier + " in one"
                            + " place and a " + kind + " in another; steps and sleeps share cursor keys, so give"
                            + " them different names");
                }
            } else if (node instanceof PipelineNode.Branch branch) {
                keyKinds(branch.whenTrue(), kinds);
                keyKinds(branch.whenFalse(), kinds);
            } else if (node instanceof PipelineNode.Loop loop) {
                keyKinds(loop.body(), kinds);
            }
        }
    }
}
