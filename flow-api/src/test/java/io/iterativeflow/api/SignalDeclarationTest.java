package io.iterativeflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalDeclarationTest {

    private static final FlowBody<String, String> ECHO = (ctx, in) -> in;

    @Test
    void declared_signals_are_kept_by_name_in_declaration_order() {
        FlowDefinition<String, String> d = FlowDefinition.builder("approval", String.class, String.class)
                .signal("decision", Boolean.class)
                .signal("items", new TypeRef<List<String>>() { })
                .signal("decision", Boolean.class)
                .body(ECHO).build();

        assertThat(d.signals()).containsOnlyKeys("decision", "items");
        assertThat(d.signals().get("decision").type()).isEqualTo(Boolean.class);
        assertThat(d.signals().get("items").type().getTypeName()).isEqualTo("java.util.List<java.lang.String>");
    }

    @Test
    void one_name_declared_with_two_types_fails_the_build() {
        FlowDefinition.Builder<String, String> builder = FlowDefinition.builder("approval", String.class,
                String.class).signal("decision", Boolean.class).signal("decision", String.class).body(ECHO);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signal 'decision' is declared as java.lang.Boolean and as java.lang.String");
    }

    @Test
    void a_signal_name_follows_the_rules_of_step_names() {
        FlowDefinition.Builder<String, String> builder = FlowDefinition.builder("approval", String.class,
                String.class);
        assertThatThrownBy(() -> builder.signal(" ", String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.signal("a:b", String.class)).hasMessageContaining("must not contain");
        assertThatThrownBy(() -> builder.signal("ok", (Class<?>) null)).hasMessageContaining("payload type");
    }

    @Test
    void signal_options_refuse_a_timeout_that_is_not_positive() {
        assertThat(SignalOptions.none().timeout()).isEmpty();
        assertThat(SignalOptions.timeout(Duration.ofMinutes(5)).timeout()).contains(Duration.ofMinutes(5));
        assertThatThrownBy(() -> SignalOptions.timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignalOptions.timeout(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void send_options_refuse_a_blank_delivery_id() {
        assertThat(SignalSendOptions.deliveryId("pay-1").deliveryId()).contains("pay-1");
        assertThatThrownBy(() -> SignalSendOptions.deliveryId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignalSendOptions.deliveryId("x".repeat(513)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
