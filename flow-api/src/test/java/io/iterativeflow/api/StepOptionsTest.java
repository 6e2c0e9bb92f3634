package io.iterativeflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StepOptionsTest {

    @Test
    void defaults_have_no_retries_and_no_own_timeout() {
        assertThat(StepOptions.defaults().retries()).isZero();
        assertThat(StepOptions.defaults().timeout()).isEmpty();
    }

    @Test
    void with_methods_return_copies() {
        StepOptions base = StepOptions.defaults();
        StepOptions changed = base.withRetries(3).withTimeout(Duration.ofSeconds(2));
        assertThat(changed.retries()).isEqualTo(3);
        assertThat(changed.timeout()).contains(Duration.ofSeconds(2));
        assertThat(base.retries()).isZero();
    }

    @Test
    void permanent_failures_are_the_marker_exception_and_what_the_predicate_matches() {
        StepOptions options = StepOptions.defaults().withPermanentWhen(e -> e instanceof IllegalArgumentException);
        assertThat(options.isPermanent(new IllegalArgumentException())).isTrue();
        assertThat(options.isPermanent(new PermanentFailureException("no"))).isTrue();
        assertThat(options.isPermanent(new IllegalStateException())).isFalse();
    }

    @Test
    void negative_retries_and_non_positive_timeouts_are_refused() {
        assertThatThrownBy(() -> StepOptions.defaults().withRetries(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retries");
        assertThatThrownBy(() -> StepOptions.defaults().withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> StepOptions.defaults().withTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StepOptions.defaults().withBackoff(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
