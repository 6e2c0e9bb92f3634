package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowSteps;
import io.iterativeflow.api.PipelineNode;
import io.iterativeflow.api.TypeRef;
import io.iterativeflow.core.registry.StaticKeys;
import java.util.List;

/**
 * Runs a builder flow's node tree on the flow context: each node becomes the durable operation it stands for, so
 * replay, cursor keys and drift detection work as for code bodies. The tree is static, so the body also answers the
 * deployment check's question of which keys it can produce ({@link PipelineKeys}).
 */
final class PipelineBody implements FlowBody<Object, Object>, StaticKeys {

    private final FlowSteps<?, ?> steps;
    private volatile PipelineKeys keys;

    PipelineBody(FlowSteps<?, ?> steps) {
        this.steps = steps;
    }

    /** The body the engine runs for {@code definition}: its pipeline, interpreted, or its code body. */
    static FlowBody<?, ?> of(FlowDefinition<?, ?> definition) {
        return definition.body() instanceof FlowSteps<?, ?> steps ? new PipelineBody(steps) : definition.body();
    }

    @Override
    public Object run(FlowContext ctx, Object input) {
        return steps.output().apply(runLevel(ctx, steps.nodes(), input));
    }

    @Override
    public boolean canProduce(String cursorKey, String kind) {
        PipelineKeys known = keys;
        if (known == null) {
            known = new PipelineKeys(steps.nodes());
            keys = known;
        }
        return known.canProduce(cursorKey, kind);
    }

    private static Object runLevel(FlowContext ctx, List<PipelineNode> nodes, Object state) {
        Object current = state;
        for (PipelineNode node : nodes) {
            current = runNode(ctx, node, current);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Object runNode(FlowContext ctx, PipelineNode node, Object state) {
        if (node instanceof PipelineNode.Step step) {
            return ctx.step(step.name(), (TypeRef<Object>) step.type(), step.options(),
                    scope -> step.fn().apply(state, scope));
        }
        if (node instanceof PipelineNode.Sleep sleep) {
            ctx.sleep(sleep.name(), sleep.duration());
            return state;
        }
        if (node instanceof PipelineNode.Signal signal) {
            return awaitSignal(ctx, signal, state);
        }
        if (node instanceof PipelineNode.Invoke invoke) {
            Object output = ctx.invoke((FlowDefinition<Object, Object>) invoke.child(), invoke.input().apply(state),
                    invoke.options());
            return invoke.merge().apply(state, output);
        }
        if (node instanceof PipelineNode.Branch branch) {
            return runLevel(ctx, branch.condition().test(state) ? branch.whenTrue() : branch.whenFalse(), state);
        }
        return runLoop(ctx, (PipelineNode.Loop) node, state);
    }

    @SuppressWarnings("unchecked")
    private static Object awaitSignal(FlowContext ctx, PipelineNode.Signal signal, Object state) {
        Object payload;
        try {
            payload = ctx.signal(signal.name(), (TypeRef<Object>) signal.type(), signal.options());
        } catch (FlowException e) {
            if (e.code() != FlowErrorCode.SIGNAL_TIMEOUT || signal.onTimeout().isEmpty()) {
                throw e;
            }
            return signal.onTimeout().get().apply(state);
        }
        return signal.merge().apply(state, payload);
    }

    private static Object runLoop(FlowContext ctx, PipelineNode.Loop loop, Object state) {
        Object current = state;
        for (int iteration = 0; !loop.until().test(current); iteration++) {
            if (iteration == loop.maxIterations()) {
                throw new FlowException(FlowErrorCode.LOOP_LIMIT_EXCEEDED, "run " + ctx.runId() + " of flow "
                        + ctx.flowName() + "@" + ctx.flowVersion() + ": loop '" + loop.name() + "' did "
                        + loop.maxIterations() + " iterations without meeting its until condition; raise its"
                        + " maximum in a new version of the flow, or fix the condition", ctx.runId(), null);
            }
            current = runLevel(ctx, loop.body(), current);
        }
        return current;
    }
}
