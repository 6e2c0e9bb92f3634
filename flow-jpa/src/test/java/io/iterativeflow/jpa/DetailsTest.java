package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.EventInfo;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.StepInfo;
import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.RunState;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.jpa.testing.JsonText;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DetailsTest extends StoreTestBase {

    private static final String SECRET = "\"card 4111-1111\"";

    @Test
    void details_return_the_run_with_its_steps_timers_and_events() {
        ClaimedRun run = startAndClaim(Runs.keyed("orders", "order-7"));
        store.recordStep(run.fence(), new StepCompletion("charge", "charge", "step", 1, SECRET, 0));
        store.recordStepFailure(run.fence(), new StepFailure("ship", "ship", "step", 1, "STEP_FAILED", "no truck",
                1, Optional.of(Duration.ofMinutes(1))));

        RunInfo info = store.details(run.runId()).orElseThrow();

        assertThat(info.runId()).isEqualTo(run.runId().toString());
        assertThat(info.flowName()).isEqualTo("orders");
        assertThat(info.status()).isEqualTo(RunStatus.RETRYING);
        assertThat(info.attempts()).isEqualTo(1);
        assertThat(info.idempotencyKey()).contains("order-7");
        assertThat(info.inputJson().map(JsonText::value)).contains(JsonText.value(Runs.INPUT));
        assertThat(info.availableAt()).isPresent();
        assertThat(info.finishedAt()).isEmpty();
        assertThat(info.steps()).extracting(StepInfo::cursorKey, StepInfo::completed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("charge", true),
                        org.assertj.core.groups.Tuple.tuple("ship", false));
        assertThat(info.step("charge").orElseThrow().resultJson()).contains(SECRET);
        assertThat(info.step("ship").orElseThrow().errorCode()).contains(FlowErrorCode.STEP_FAILED);
        assertThat(info.timers()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("retry");
            assertThat(t.dueAt()).isEqualTo(info.availableAt().orElseThrow());
            assertThat(t.firedAt()).isEmpty();
        });
        assertThat(info.events()).extracting(EventInfo::type)
                .containsExactly("created", "claimed", "step_completed", "step_retrying");
        assertThat(info.events()).allSatisfy(e -> assertThat(e.detail().orElse(""))
                .doesNotContain("4111").doesNotContain("order"));
        assertThat(info.events().get(2).cursorKey()).contains("charge");
    }

    @Test
    void events_never_copy_payloads() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.recordStep(run.fence(), new StepCompletion("charge", "charge", "step", 1, SECRET, 0));
        store.complete(run.fence(), SECRET);

        assertThat(sql().count("SELECT count(*) FROM workflow.events WHERE detail LIKE '%4111%'"
                + " OR detail LIKE '%order%'")).isZero();
    }

    @Test
    void state_is_the_row_a_result_waiter_needs() {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.complete(run.fence(), "{\"total\": 3}");

        RunState state = store.state(run.runId()).orElseThrow();
        assertThat(state).usingRecursiveComparison().ignoringFields("outputJson")
                .isEqualTo(new RunState(RunStatus.COMPLETED, "orders", 1, null, null, null));
        assertThat(JsonText.value(state.outputJson())).isEqualTo(JsonText.value("{\"total\": 3}"));
        assertThat(store.details(run.runId()).orElseThrow().finishedAt()).isPresent();
        assertThat(store.details(run.runId()).orElseThrow().availableAt()).isEmpty();
    }

    @Test
    void an_unknown_run_has_no_state_and_no_details() {
        assertThat(store.state(UUID.randomUUID())).isEmpty();
        assertThat(store.details(UUID.randomUUID())).isEmpty();
    }
}
