package io.iterativeflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlowDefinitionTest {

    private static final FlowBody<String, Integer> LENGTH = (ctx, in) -> in.length();

    @Test
    void a_built_definition_carries_name_version_types_and_body() {
        FlowDefinition<String, Integer> d = FlowDefinition.builder("measure", String.class, Integer.class)
                .version(3).body(LENGTH).build();
        assertThat(d.name()).isEqualTo("measure");
        assertThat(d.version()).isEqualTo(3);
        assertThat(d.inputType().type()).isEqualTo(String.class);
        assertThat(d.outputType().type()).isEqualTo(Integer.class);
        assertThat(d).hasToString("measure@3");
    }

    @Test
    void the_builder_is_immutable() {
        FlowDefinition.Builder<String, Integer> v1 = FlowDefinition.builder("measure", String.class, Integer.class)
                .body(LENGTH);
        FlowDefinition.Builder<String, Integer> v2 = v1.version(2);
        assertThat(v1.build().version()).isEqualTo(1);
        assertThat(v2.build().version()).isEqualTo(2);
    }

    @Test
    void versions_must_be_positive_and_may_not_move_backwards() {
        FlowDefinition.Builder<String, Integer> b = FlowDefinition.builder("measure", String.class, Integer.class);
        assertThatThrownBy(() -> b.version(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 or more");
        assertThatThrownBy(() -> b.version(-4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.version(5).version(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only move forward");
    }

    @Test
    void a_definition_needs_a_body() {
        assertThatThrownBy(() -> FlowDefinition.builder("x", String.class, Integer.class).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no body");
        assertThatThrownBy(() -> FlowDefinition.builder("x", String.class, Integer.class).body(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void names_are_checked_for_null_blank_length_and_characters() {
        assertThat(FlowDefinition.checkName("order.v2_fast-lane")).isEqualTo("order.v2_fast-lane");
        for (String bad : new String[] {null, "", "  ", "x".repeat(201), "has space", "-leading", "a/b"}) {
            assertThatThrownBy(() -> FlowDefinition.builder(bad, String.class, Integer.class))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flow name");
        }
        assertThatThrownBy(() -> FlowDefinition.builder("x", (Class<String>) null, Integer.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
