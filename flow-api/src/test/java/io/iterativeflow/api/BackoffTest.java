package io.iterativeflow.api;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void exponential_doubles_from_its_base_up_to_its_cap() {
        Backoff b = Backoff.exponential(ofMillis(100), ofSeconds(1));
        assertThat(b.delay(1)).isEqualTo(ofMillis(100));
        assertThat(b.delay(2)).isEqualTo(ofMillis(200));
        assertThat(b.delay(4)).isEqualTo(ofMillis(800));
        assertThat(b.delay(5)).isEqualTo(ofSeconds(1));
        assertThat(b.delay(200)).isEqualTo(ofSeconds(1));
    }

    @Test
    void linear_grows_by_its_base_up_to_its_cap() {
        Backoff b = Backoff.linear(ofSeconds(2), ofSeconds(5));
        assertThat(b.delay(1)).isEqualTo(ofSeconds(2));
        assertThat(b.delay(2)).isEqualTo(ofSeconds(4));
        assertThat(b.delay(3)).isEqualTo(ofSeconds(5));
    }

    @Test
    void fixed_waits_the_same_every_time_and_custom_asks_its_function() {
        assertThat(Backoff.fixed(ofSeconds(3)).delay(7)).isEqualTo(ofSeconds(3));
        assertThat(Backoff.custom(n -> ofSeconds(n * 10L)).delay(2)).isEqualTo(ofSeconds(20));
    }

    @Test
    void a_custom_function_returning_a_negative_delay_is_reported() {
        Backoff b = Backoff.custom(n -> Duration.ofSeconds(-1));
        assertThatThrownBy(() -> b.delay(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("zero or more");
    }

    @Test
    void invalid_arguments_are_refused_at_definition_time() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base");
        assertThatThrownBy(() -> Backoff.linear(ofSeconds(5), ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cap");
        assertThatThrownBy(() -> Backoff.fixed(ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.custom(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.fixed(ofSeconds(1)).delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
