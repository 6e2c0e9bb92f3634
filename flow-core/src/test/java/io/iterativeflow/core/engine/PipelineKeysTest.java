package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowSteps;
import io.iterativeflow.api.Pipeline;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PipelineKeysTest {

    private static final FlowDefinition<String, String> CHILD = FlowDefinition.builder("child", String.class,
            String.class).version(3).body((ctx, in) -> in).build();

    private static PipelineKeys keys(FlowSteps<String, String> steps) {
        return new PipelineKeys(steps.nodes());
    }

    @Test
    void each_node_outside_loops_produces_its_first_occurrence_with_its_kind() {
        PipelineKeys keys = keys(Pipeline.<String>start()
                .step("draft", String.class, (s, scope) -> s)
                .sleep("review", Duration.ofHours(1))
                .signal("approval", String.class, (s, p) -> p)
                .invoke(CHILD, s -> s, (s, out) -> out)
                .output(s -> s));

        assertThat(keys.canProduce("draft", "step")).isTrue();
        assertThat(keys.canProduce("review", "sleep")).isTrue();
        assertThat(keys.canProduce("signal:approval", "signal")).isTrue();
        assertThat(keys.canProduce("invoke:child@3", "invoke")).isTrue();
        assertThat(keys.canProduce("draft:1", "step")).as("a second occurrence outside loops").isFalse();
        assertThat(keys.canProduce("draft", "sleep")).as("another kind").isFalse();
        assertThat(keys.canProduce("approval", "step")).isFalse();
        assertThat(keys.canProduce("invoke:child@2", "invoke")).as("another version of the child").isFalse();
        assertThat(keys.canProduce("now", "now")).isFalse();
    }

    @Test
    void a_name_on_several_levels_adds_up_and_a_branch_counts_its_larger_arm() {
        PipelineKeys keys = keys(Pipeline.<String>start()
                .step("check", String.class, (s, scope) -> s)
                .branch("b", s -> s.isEmpty(),
                        yes -> yes.step("check", String.class, (s, scope) -> s)
                                .branch("inner", s -> true, y -> y.step("check", String.class, (s, scope) -> s),
                                        n -> n),
                        no -> no.step("check", String.class, (s, scope) -> s))
                .output(s -> s));

        assertThat(keys.canProduce("check", "step")).isTrue();
        assertThat(keys.canProduce("check:2", "step")).isTrue();
        assertThat(keys.canProduce("check:3", "step")).isFalse();
    }

    @Test
    void a_loop_body_may_occur_up_to_its_maximum_iterations_and_no_more() {
        PipelineKeys keys = keys(Pipeline.<String>start()
                .loop("poll", s -> s.length() > 3, 4, body -> body
                        .sleep("wait", Duration.ofMinutes(5))
                        .loop("inner", s -> true, 2, inner -> inner.step("tick", String.class, (s, scope) -> s)))
                .output(s -> s));

        assertThat(keys.canProduce("wait", "sleep")).isTrue();
        assertThat(keys.canProduce("wait:3", "sleep")).isTrue();
        assertThat(keys.canProduce("wait:4", "sleep")).isFalse();
        assertThat(keys.canProduce("tick:7", "step")).isTrue();
        assertThat(keys.canProduce("tick:8", "step")).isFalse();
        assertThat(keys.canProduce("poll", "step")).as("loops and branches record nothing").isFalse();
    }

    @Test
    void keys_that_the_engine_never_makes_are_refused() {
        PipelineKeys keys = keys(Pipeline.<String>start()
                .loop("poll", s -> false, 100, body -> body.step("7", String.class, (s, scope) -> s))
                .output(s -> s));

        assertThat(keys.canProduce("7", "step")).isTrue();
        assertThat(keys.canProduce("7:1", "step")).isTrue();
        assertThat(keys.canProduce("7:0", "step")).isFalse();
        assertThat(keys.canProduce("7:01", "step")).isFalse();
    }

    @Test
    void huge_loop_products_do_not_overflow() {
        PipelineKeys keys = keys(Pipeline.<String>start()
                .loop("a", s -> false, Integer.MAX_VALUE, a -> a.loop("b", s -> false, Integer.MAX_VALUE,
                        b -> b.loop("c", s -> false, Integer.MAX_VALUE, c -> c.sleep("z", Duration.ZERO))))
                .output(s -> s));

        assertThat(keys.canProduce("z:999999999", "sleep")).isTrue();
    }
}
