package io.iterativeflow.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.iterativeflow.api.EventInfo;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunPage;
import io.iterativeflow.api.RunSignalResult;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.RunSummary;
import io.iterativeflow.api.SignalDeliveryResult;

/** The body and the answer of {@code POST /runs/signals}, and the caller shown by the run views. */
class BulkSignalTest {

    @Test
    void a_body_is_read_with_its_payload_kept_as_json_text() {
        BulkSignalRequest request = BulkSignalRequest.parse(
                "{\"runIds\": [\"a\", \"b\"], \"name\": \"decision\", \"payload\": {\"ok\": true}}");

        assertThat(request).isEqualTo(new BulkSignalRequest(List.of("a", "b"), "decision", "{\"ok\":true}"));
        assertThat(BulkSignalRequest.parse("{\"runIds\": [], \"name\": \"go\"}").payload()).isNull();
    }

    @Test
    void a_body_of_the_wrong_shape_is_refused_as_an_argument() {
        for (String body : List.of("", "[]", "{\"runIds\": \"a\", \"name\": \"go\"}",
                "{\"runIds\": [1], \"name\": \"go\"}", "{\"runIds\": [\"a\"]}",
                "{\"runIds\": [\"a\"], \"name\": 7}", "{\"runIds\": [\"a\"], \"name\": \"go\", \"runId\": \"b\"}",
                "{\"runIds\": [\"a\"], \"name\": \"go\"} {}", "{\"runIds\": [" + "\"a\",".repeat(1000) + "\"b\"],"
                        + " \"name\": \"go\"}")) {
            assertThatThrownBy(() -> BulkSignalRequest.parse(body)).as(body)
                    .isInstanceOfSatisfying(FlowException.class,
                            e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID))
                    .hasMessageContaining("\"runIds\"");
        }
    }

    @Test
    void every_run_gets_its_result_by_name() {
        BulkSignalView view = BulkSignalView.of("go", List.of(
                new RunSignalResult("a", Optional.of(new SignalDeliveryResult.Delivered())),
                new RunSignalResult("b", Optional.of(new SignalDeliveryResult.Expired("run b is finished"))),
                new RunSignalResult("c", Optional.of(new SignalDeliveryResult.InvalidPayload(List.of("payload: x")))),
                new RunSignalResult("d", Optional.empty())));

        assertThat(view.signal()).isEqualTo("go");
        assertThat(view.results()).containsExactly(
                new BulkSignalView.Result("a", "delivered", null, null),
                new BulkSignalView.Result("b", "expired", "run b is finished", null),
                new BulkSignalView.Result("c", "invalid_payload", null, List.of("payload: x")),
                new BulkSignalView.Result("d", "not_found", null, null));
    }

    @Test
    void run_views_show_who_started_the_run_and_who_caused_each_event() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        RunInfo run = new RunInfo("r", "order", 1, RunStatus.PENDING, 0, Optional.empty(), Set.of(), 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now, now, Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of(new EventInfo(1, "created", 0, Optional.empty(),
                        Optional.empty(), now, Optional.of("grace"))), false, Optional.of("grace"));
        RunSummary summary = new RunSummary("r", "order", 1, RunStatus.PENDING, 0, Optional.empty(), Set.of(), 0,
                Optional.empty(), now, now, Optional.empty(), Optional.of("grace"));

        assertThat(RunView.of(run).startedBy()).isEqualTo("grace");
        assertThat(RunView.of(run).events()).singleElement().extracting(RunView.Event::actor).isEqualTo("grace");
        assertThat(RunPageView.of(new RunPage(List.of(summary), Optional.empty())).items()).singleElement()
                .extracting(RunPageView.Item::startedBy).isEqualTo("grace");
        assertThat(RunView.of(run.withWaitingForVersion(true)).startedBy()).isEqualTo("grace");
    }
}
