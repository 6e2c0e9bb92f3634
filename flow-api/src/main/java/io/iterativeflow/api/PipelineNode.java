package io.iterativeflow.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One node of a {@link Pipeline}'s static tree, as the engine reads it. Immutable; each constructor checks its
 * arguments and throws {@link IllegalArgumentException} naming the problem. Functions take and give the pipeline's
 * state as {@code Object}: {@link Pipeline} is the typed way to build nodes.
 */
public sealed interface PipelineNode {

    /** The node's name, unique among its siblings. */
    String name();

    /** A step: records {@code fn}'s result as the new state; cursor key {@code <name>}. */
    record Step(String name, TypeRef<?> type, StepOptions options, StateStep<Object, ?> fn) implements PipelineNode {
        public Step {
            PipelineChecks.name("step", name);
            PipelineChecks.notNull(name, "result type", type);
            PipelineChecks.notNull(name, "step options", options);
            PipelineChecks.notNull(name, "step function", fn);
        }
    }

    /** A durable sleep; the state does not change; cursor key {@code <name>}. */
    record Sleep(String name, Duration duration) implements PipelineNode {
        public Sleep {
            PipelineChecks.name("sleep", name);
            PipelineChecks.notNull(name, "duration", duration);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("sleep '" + name + "': duration must not be negative, got "
                        + duration);
            }
        }
    }

    /**
     * A wait for the signal {@code name}; {@code merge} makes the new state; cursor key {@code signal:<name>}. When
     * the options' timeout passes without a signal, {@code onTimeout} makes the new state; without it the run fails
     * with {@code SIGNAL_TIMEOUT}.
     */
    record Signal(String name, TypeRef<?> type, SignalOptions options, BiFunction<Object, Object, ?> merge,
            Optional<Function<Object, ?>> onTimeout) implements PipelineNode {
        public Signal {
            PipelineChecks.name("signal", name);
            PipelineChecks.notNull(name, "payload type", type);
            PipelineChecks.notNull(name, "signal options", options);
            PipelineChecks.notNull(name, "merge function", merge);
            PipelineChecks.notNull(name, "timeout mapping", onTimeout);
            if (onTimeout.isPresent() && options.timeout().isEmpty()) {
                throw new IllegalArgumentException("node '" + name + "': a timeout mapping needs signal options"
                        + " with a timeout (SignalOptions.timeout(duration))");
            }
        }
    }

    /**
     * A child run of {@code child}, started with {@code input(state)}; {@code merge} makes the new state from the
     * child's output. Named {@code invoke:<flow>@<version>}, its cursor key.
     */
    record Invoke(FlowDefinition<?, ?> child, InvokeOptions options, Function<Object, ?> input,
            BiFunction<Object, Object, ?> merge) implements PipelineNode {
        public Invoke {
            if (child == null) {
                throw new IllegalArgumentException("invoke: the child flow definition must not be null");
            }
            PipelineChecks.notNull("invoke:" + child, "invoke options", options);
            PipelineChecks.notNull("invoke:" + child, "input function", input);
            PipelineChecks.notNull("invoke:" + child, "merge function", merge);
        }

        @Override
        public String name() {
            return "invoke:" + child.name() + "@" + child.version();
        }
    }

    /** Runs {@code whenTrue} when {@code condition} holds for the state, else {@code whenFalse}. */
    record Branch(String name, Predicate<Object> condition, List<PipelineNode> whenTrue,
            List<PipelineNode> whenFalse) implements PipelineNode {
        public Branch {
            PipelineChecks.name("branch", name);
            PipelineChecks.notNull(name, "condition", condition);
            whenTrue = PipelineChecks.level("branch '" + name + "' (true)", whenTrue);
            whenFalse = PipelineChecks.level("branch '" + name + "' (false)", whenFalse);
        }
    }

    /**
     * Runs {@code body} again and again until {@code until} holds for the state; {@code until} is tested before each
     * iteration. The run fails with {@link FlowErrorCode#LOOP_LIMIT_EXCEEDED} when it still does not hold after
     * {@code maxIterations} iterations.
     */
    record Loop(String name, Predicate<Object> until, int maxIterations, List<PipelineNode> body)
            implements PipelineNode {
        public Loop {
            PipelineChecks.name("loop", name);
            PipelineChecks.notNull(name, "until condition", until);
            if (maxIterations < 1) {
                throw new IllegalArgumentException("loop '" + name + "': max iterations must be 1 or more, got "
                        + maxIterations);
            }
            body = PipelineChecks.level("loop '" + name + "'", body);
            if (body.isEmpty()) {
                throw new IllegalArgumentException("loop '" + name + "' has an empty body: nothing in it could"
                        + " change the state its until condition tests");
            }
        }
    }
}
