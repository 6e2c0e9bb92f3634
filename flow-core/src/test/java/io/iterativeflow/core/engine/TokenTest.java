package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenTest {

    @Test
    void callbacks_run_once_on_the_first_cancel() {
        Token token = new Token();
        AtomicInteger calls = new AtomicInteger();
        token.onCancel(calls::incrementAndGet);
        token.cancel("timeout");
        token.cancel("again");
        assertThat(calls).hasValue(1);
        assertThat(token.isCancelled()).isTrue();
    }

    @Test
    void a_callback_registered_after_cancel_runs_at_once() {
        Token token = new Token();
        token.cancel("canceled");
        AtomicInteger calls = new AtomicInteger();
        token.onCancel(calls::incrementAndGet);
        assertThat(calls).hasValue(1);
    }

    @Test
    void throw_if_cancelled_carries_the_step_canceled_code() {
        Token token = new Token();
        token.throwIfCancelled();
        token.cancel("run canceled");
        assertThatThrownBy(token::throwIfCancelled)
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.STEP_CANCELED))
                .hasMessageContaining("run canceled");
    }
}
