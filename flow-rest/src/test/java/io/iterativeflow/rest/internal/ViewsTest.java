package io.iterativeflow.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RetryResult;
import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;

class ViewsTest {

    @Test
    void each_delivery_is_named_in_lower_case_and_an_expiry_says_why() {
        assertThat(SignalView.of("r", "s", new SignalDeliveryResult.Delivered()).delivery()).isEqualTo("delivered");
        assertThat(SignalView.of("r", "s", new SignalDeliveryResult.Buffered()).delivery()).isEqualTo("buffered");
        assertThat(SignalView.of("r", "s", new SignalDeliveryResult.Duplicate()).delivery()).isEqualTo("duplicate");
        SignalView expired = SignalView.of("r", "s", new SignalDeliveryResult.Expired("run r is finished"));
        assertThat(expired.delivery()).isEqualTo("expired");
        assertThat(expired.reason()).isEqualTo("run r is finished");
        assertThatThrownBy(() -> SignalView.of("r", "s", new SignalDeliveryResult.InvalidPayload(List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_retry_is_retried_or_not_failed_with_the_status() {
        assertThat(RetryView.of(new RetryResult.Retried("r"), "pending"))
                .isEqualTo(new RetryView("r", "retried", "pending"));
        assertThat(RetryView.of(new RetryResult.NotFailed("r", RunStatus.AWAITING_SIGNAL), null))
                .isEqualTo(new RetryView("r", "not_failed", "awaiting_signal"));
    }

    @Test
    void list_parameters_become_a_run_query_and_bad_ones_are_refused() {
        RunQuery query = RunQueries.of("order", List.of("failed,canceled", "completed"), "vip", "10", "");
        assertThat(query.flowName()).contains("order");
        assertThat(query.statuses()).containsExactlyInAnyOrder(RunStatus.FAILED, RunStatus.CANCELED,
                RunStatus.COMPLETED);
        assertThat(query.tag()).contains("vip");
        assertThat(query.limit()).isEqualTo(10);
        assertThat(query.cursor()).isEmpty();
        assertThat(RunQueries.of(null, List.of(), null, null, null)).isEqualTo(RunQuery.all());

        assertThatThrownBy(() -> RunQueries.of(null, List.of("sleepy"), null, null, null))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID));
        assertThatThrownBy(() -> RunQueries.of(null, List.of(), null, "many", null))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID));
        assertThatThrownBy(() -> RunQueries.of(null, List.of(), null, "501", null))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID));
    }
}
