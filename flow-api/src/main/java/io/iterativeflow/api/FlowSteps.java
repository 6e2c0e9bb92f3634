package io.iterativeflow.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A finished {@link Pipeline}: its static node tree and the mapping of its last state to the flow's output. Give it
 * to {@link FlowDefinition.Builder#steps}. Immutable. The engine interprets the tree; it is a {@link FlowBody} only
 * so that it can stand where a body stands, and cannot be run without the engine.
 *
 * @param <I> the flow's input type
 * @param <O> the flow's output type
 */
public final class FlowSteps<I, O> implements FlowBody<I, O> {

    private final List<PipelineNode> nodes;
    private final Function<Object, ?> output;

    FlowSteps(List<PipelineNode> nodes, Function<Object, ?> output) {
        PipelineChecks.keyKinds(nodes);
        this.nodes = List.copyOf(nodes);
        this.output = output;
    }

    /** The top level of the tree, in order. */
    public List<PipelineNode> nodes() {
        return nodes;
    }

    /** Maps the last state to the output. */
    public Function<Object, ?> output() {
        return output;
    }

    /** Every signal wait in the tree, in tree order (branches and loop bodies included). */
    List<PipelineNode.Signal> signals() {
        List<PipelineNode.Signal> signals = new ArrayList<>();
        collect(nodes, signals);
        return signals;
    }

    private static void collect(List<PipelineNode> level, List<PipelineNode.Signal> signals) {
        for (PipelineNode node : level) {
            if (node instanceof PipelineNode.Signal signal) {
                signals.add(signal);
            } else if (node instanceof PipelineNode.Branch branch) {
                collect(branch.whenTrue(), signals);
                collect(branch.whenFalse(), signals);
            } else if (node instanceof PipelineNode.Loop loop) {
                collect(loop.body(), signals);
            }
        }
    }

    /**
     * Always fails: a builder flow is interpreted by the engine, which reads {@link #nodes()}.
     *
     * @throws FlowException {@code FLOW_INVALID}
     */
    @Override
    public O run(FlowContext ctx, I input) {
        throw new FlowException(FlowErrorCode.FLOW_INVALID, "a builder flow's steps are run by the engine that"
                + " deploys its definition; start the flow through FlowEngine instead of calling its body");
    }
}
