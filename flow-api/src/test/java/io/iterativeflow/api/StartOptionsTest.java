package io.iterativeflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartOptionsTest {

    @Test
    void options_accumulate_in_copies() {
        StartOptions o = StartOptions.none().withIdempotencyKey("order-7").withTags("eu", "vip").withTags("eu")
                .withDelay(Duration.ofMinutes(1)).withPriority(5);
        assertThat(o.idempotencyKey()).contains("order-7");
        assertThat(o.tags()).containsExactlyInAnyOrder("eu", "vip");
        assertThat(o.delay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(o.priority()).isEqualTo(5);
        assertThat(StartOptions.none().tags()).isEmpty();
    }

    @Test
    void bad_keys_tags_and_delays_are_refused() {
        assertThatThrownBy(() -> StartOptions.none().withIdempotencyKey(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StartOptions.none().withIdempotencyKey("k".repeat(513)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512");
        assertThatThrownBy(() -> StartOptions.none().withTags("ok", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StartOptions.none().withDelay(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delay");
    }
}
