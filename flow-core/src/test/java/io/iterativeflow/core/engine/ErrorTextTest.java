package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void the_message_is_kept_and_the_class_left_out() {
        assertThat(ErrorText.of(new IllegalStateException("invalid order: no lines")))
                .isEqualTo("invalid order: no lines");
    }

    @Test
    void class_names_that_a_wrapping_constructor_put_in_front_of_the_message_are_removed() {
        assertThat(ErrorText.of(new RuntimeException(new UncheckedIOException(new IOException("disk full")))))
                .isEqualTo("disk full");
    }

    @Test
    void an_exception_without_a_message_takes_its_causes_or_says_it_has_none() {
        assertThat(ErrorText.of(new IllegalStateException(null, new IOException("timeout")))).isEqualTo("timeout");
        assertThat(ErrorText.of(new NullPointerException())).doesNotContain("java.", "Exception")
                .contains("without a message");
    }

    @Test
    void text_that_merely_has_dots_is_left_alone() {
        assertThat(ErrorText.of(new IllegalArgumentException("Order.Total must be positive, got -1.5")))
                .isEqualTo("Order.Total must be positive, got -1.5");
    }

    @Test
    void the_engines_own_messages_pass_unchanged_except_for_nul_characters() {
        assertThat(ErrorText.of(new FlowException(FlowErrorCode.STEP_TIMEOUT, "step 'a' timed out \u0000")))
                .endsWith("step 'a' timed out \\u0000").doesNotContain("\u0000");
    }

    @Test
    void long_messages_are_cut() {
        assertThat(ErrorText.of(new IllegalStateException("x".repeat(5000)))).hasSize(2001);
    }
}
