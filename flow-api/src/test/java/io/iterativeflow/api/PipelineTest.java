package io.iterativeflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private static final FlowDefinition<String, String> CHILD = FlowDefinition.builder("child", String.class,
            String.class).body((ctx, in) -> in).build();

    @Test
    void every_method_returns_a_new_pipeline_and_leaves_the_old_one_unchanged() {
        Pipeline<String, String> empty = Pipeline.start();
        Pipeline<String, Integer> measured = empty.step("measure", Integer.class, (s, scope) -> s.length());
        Pipeline<String, Integer> slept = measured.sleep("nap", Duration.ofMinutes(1));
        Pipeline<String, Integer> other = measured.step("double", Integer.class, (n, scope) -> n * 2);

        assertThat(empty.nodes()).isEmpty();
        assertThat(measured.nodes()).extracting(PipelineNode::name).containsExactly("measure");
        assertThat(slept.nodes()).extracting(PipelineNode::name).containsExactly("measure", "nap");
        assertThat(other.nodes()).extracting(PipelineNode::name).containsExactly("measure", "double");
        assertThatThrownBy(() -> slept.nodes().add(slept.nodes().get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void branches_and_loops_hold_immutable_arms_built_from_empty_pipelines() {
        Pipeline<String, String> tree = Pipeline.<String>start()
                .branch("size", s -> s.length() > 3,
                        big -> big.step("shorten", String.class, (s, scope) -> s.substring(0, 3)),
                        small -> small)
                .loop("grow", s -> s.length() > 5, 10, body -> body.step("append", String.class,
                        (s, scope) -> s + "!"));

        PipelineNode.Branch branch = (PipelineNode.Branch) tree.nodes().get(0);
        PipelineNode.Loop loop = (PipelineNode.Loop) tree.nodes().get(1);
        assertThat(branch.whenTrue()).extracting(PipelineNode::name).containsExactly("shorten");
        assertThat(branch.whenFalse()).isEmpty();
        assertThat(loop.body()).extracting(PipelineNode::name).containsExactly("append");
        assertThat(loop.maxIterations()).isEqualTo(10);
        assertThatThrownBy(() -> branch.whenTrue().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> loop.body().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_node_list_given_to_a_node_is_copied() {
        List<PipelineNode> arm = new java.util.ArrayList<>(List.of(new PipelineNode.Sleep("nap", Duration.ZERO)));
        PipelineNode.Loop loop = new PipelineNode.Loop("again", s -> true, 1, arm);
        arm.clear();
        assertThat(loop.body()).hasSize(1);
    }

    @Test
    void duplicate_names_at_one_level_are_refused_with_the_name() {
        Pipeline<String, String> once = Pipeline.<String>start().step("check", String.class, (s, scope) -> s);
        assertThatThrownBy(() -> once.step("check", String.class, (s, scope) -> s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'check' is used twice");
        assertThatThrownBy(() -> once.sleep("check", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'check'");
        assertThatThrownBy(() -> Pipeline.<String>start().loop("poll", s -> true, 3, body -> body
                .sleep("wait", Duration.ofMinutes(1)).sleep("wait", Duration.ofMinutes(2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loop 'poll'")
                .hasMessageContaining("'wait' is used twice");
        assertThatThrownBy(() -> Pipeline.<String>start().invoke(CHILD, s -> s, (s, c) -> c)
                .invoke(CHILD, s -> s, (s, c) -> c))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'invoke:child@1'");
    }

    @Test
    void one_name_may_repeat_on_other_levels_but_not_as_another_kind() {
        Pipeline<String, String> nested = Pipeline.<String>start()
                .step("check", String.class, (s, scope) -> s)
                .loop("poll", s -> true, 2, body -> body.step("check", String.class, (s, scope) -> s));
        assertThat(nested.output(s -> s).nodes()).hasSize(2);

        Pipeline<String, String> mixed = Pipeline.<String>start()
                .step("check", String.class, (s, scope) -> s)
                .branch("b", s -> true, yes -> yes.sleep("check", Duration.ZERO), no -> no);
        assertThatThrownBy(() -> mixed.output(s -> s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'check' is a step in one place and a sleep in another");
    }

    @Test
    void null_functions_and_bad_names_are_refused_naming_the_node() {
        Pipeline<String, String> p = Pipeline.start();
        assertThatThrownBy(() -> p.step("s", String.class, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node 's': step function must not be null");
        assertThatThrownBy(() -> p.step("s", (Class<String>) null, (s, scope) -> s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("result type");
        assertThatThrownBy(() -> p.signal("go", String.class, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node 'go': merge function must not be null");
        assertThatThrownBy(() -> p.invoke(CHILD, null, (s, c) -> c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input function must not be null");
        assertThatThrownBy(() -> p.invoke(null, s -> s, (s, c) -> c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("child flow definition must not be null");
        assertThatThrownBy(() -> p.branch("b", null, y -> y, n -> n)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node 'b': condition must not be null");
        assertThatThrownBy(() -> p.branch("b", s -> true, null, n -> n)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("branch 'b' (true)");
        assertThatThrownBy(() -> p.branch("b", s -> true, y -> y, n -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("returned null");
        assertThatThrownBy(() -> p.loop("l", null, 3, b -> b.sleep("z", Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("until condition");
        assertThatThrownBy(() -> p.output(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output mapping");
        assertThatThrownBy(() -> p.step("a:b", String.class, (s, scope) -> s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not contain ':'");
        assertThatThrownBy(() -> p.sleep(" ", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sleep name must not be null or blank");
        assertThatThrownBy(() -> p.sleep("z", Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void a_loop_needs_at_least_one_iteration_and_a_body() {
        Pipeline<String, String> p = Pipeline.start();
        assertThatThrownBy(() -> p.loop("poll", s -> true, 0, b -> b.sleep("z", Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loop 'poll': max iterations must be 1 or more, got 0");
        assertThatThrownBy(() -> p.loop("poll", s -> true, 5, b -> b))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loop 'poll' has an empty body");
    }

    @Test
    void a_definition_built_from_steps_declares_every_signal_of_the_tree() {
        FlowDefinition<String, Integer> flow = FlowDefinition.builder("approve", String.class, Integer.class)
                .version(2)
                .steps(Pipeline.<String>start()
                        .signal("start", Boolean.class, (s, go) -> s)
                        .loop("votes", s -> s.length() > 3, 5, body -> body.signal("vote", String.class,
                                SignalOptions.timeout(Duration.ofHours(1)), (s, v) -> s + v))
                        .output(String::length))
                .build();

        assertThat(flow.signals()).containsOnlyKeys("start", "vote");
        assertThat(flow.signals().get("vote")).isEqualTo(TypeRef.of(String.class));
        assertThat(flow.body()).isInstanceOf(FlowSteps.class);
        assertThatThrownBy(() -> flow.body().run(null, "x")).isInstanceOf(FlowException.class)
                .satisfies(e -> assertThat(((FlowException) e).code()).isEqualTo(FlowErrorCode.FLOW_INVALID));
    }

    @Test
    void one_signal_with_two_payload_types_fails_the_build() {
        FlowDefinition.Builder<String, String> builder = FlowDefinition.builder("twice", String.class, String.class)
                .steps(Pipeline.<String>start()
                        .signal("go", String.class, (s, p) -> s)
                        .branch("b", s -> true, y -> y.signal("go", Integer.class, (s, p) -> s), n -> n)
                        .output(s -> s));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signal 'go' is declared as");
        assertThatThrownBy(() -> FlowDefinition.builder("none", String.class, String.class).steps(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps must not be null");
        assertThatThrownBy(() -> FlowDefinition.builder("none", String.class, String.class).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("call body(...) or steps(...)");
    }

    @Test
    void a_timeout_mapping_needs_a_timeout_and_a_function() {
        Pipeline<String, String> p = Pipeline.start();
        PipelineNode.Signal signal = (PipelineNode.Signal) p.signal("paid", Integer.class, Duration.ofDays(1),
                (s, amount) -> s + amount, s -> s + " unpaid").nodes().get(0);
        assertThat(signal.options().timeout()).contains(Duration.ofDays(1));
        assertThat(signal.onTimeout()).isPresent();
        assertThatThrownBy(() -> p.signal("paid", Integer.class, Duration.ofDays(1), (s, a) -> s, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout mapping must not be null");
        assertThatThrownBy(() -> p.signal("paid", Integer.class, Duration.ZERO, (s, a) -> s, s -> s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive duration");
        assertThatThrownBy(() -> new PipelineNode.Signal("paid", TypeRef.of(Integer.class), SignalOptions.none(),
                (s, a) -> s, java.util.Optional.of(s -> s))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a timeout mapping needs signal options with a timeout");
    }
}
