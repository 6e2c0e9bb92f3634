package io.iterativeflow.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.iterativeflow.api.FlowErrorCode;

class AnswersTest {

    @Test
    void unknown_things_are_404_bad_arguments_400_and_an_unreachable_store_503() {
        assertThat(Answers.statusOf(FlowErrorCode.RUN_NOT_FOUND)).isEqualTo(404);
        assertThat(Answers.statusOf(FlowErrorCode.FLOW_UNKNOWN)).isEqualTo(404);
        assertThat(Answers.statusOf(FlowErrorCode.ARGUMENT_INVALID)).isEqualTo(400);
        assertThat(Answers.statusOf(FlowErrorCode.INPUT_INVALID)).isEqualTo(400);
        assertThat(Answers.statusOf(FlowErrorCode.INPUT_TOO_LARGE)).isEqualTo(413);
        assertThat(Answers.statusOf(FlowErrorCode.SIGNAL_PAYLOAD_TOO_LARGE)).isEqualTo(413);
        assertThat(Answers.statusOf(FlowErrorCode.ACCESS_DENIED)).isEqualTo(403);
        assertThat(Answers.statusOf(FlowErrorCode.STORE_UNAVAILABLE)).isEqualTo(503);
        assertThat(Answers.statusOf(FlowErrorCode.ENGINE_STOPPED)).isEqualTo(503);
        assertThat(Answers.statusOf(FlowErrorCode.RUN_CANCELED)).isEqualTo(409);
    }

    @Test
    void every_code_has_a_client_or_server_error_status() {
        for (FlowErrorCode code : FlowErrorCode.values()) {
            assertThat(Answers.statusOf(code)).as(code.name()).isBetween(400, 599);
        }
    }
}
