package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.RecordedStep;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.core.spi.WriteOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fenced write with a fence that does not own the run writes nothing and reports the lost lease. */
class FencingTest extends StoreTestBase {

    static Stream<Function<ClaimedRun, Fence>> staleFences() {
        return Stream.of(
                c -> new Fence(c.runId(), "someone-else", c.attempt()),
                c -> new Fence(c.runId(), c.owner(), c.attempt() - 1),
                c -> new Fence(c.runId(), c.owner(), c.attempt() + 1));
    }

    @ParameterizedTest
    @MethodSource("staleFences")
    void a_stale_fence_writes_nothing(Function<ClaimedRun, Fence> stale) {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        Fence fence = stale.apply(run);
        Map<String, Object> before = runRow(run);
        long eventsBefore = events();

        RecordedStep step = store.recordStep(fence, new StepCompletion("a", "a", "step", 1, "1", 0));
        WriteOutcome retry = store.recordStepFailure(fence, new StepFailure("b", "b", "step", 1, "STEP_FAILED",
                "x", 1, Optional.of(Duration.ofSeconds(1))));
        WriteOutcome failed = store.recordStepFailure(fence, new StepFailure("c", "c", "step", 1, "STEP_FAILED",
                "x", 2, Optional.empty()));
        Optional<java.time.Instant> timer = store.suspendForTimer(fence, "sleep", "sleep", Optional.empty(),
                Duration.ofMinutes(1));
        List<WriteOutcome> ends = List.of(store.complete(fence, "1"), store.fail(fence, "FLOW_FAILED", "x"),
                store.release(fence, "shutdown"));

        assertThat(step).isEqualTo(new RecordedStep(WriteOutcome.LEASE_LOST, null));
        assertThat(List.of(retry, failed)).containsOnly(WriteOutcome.LEASE_LOST);
        assertThat(timer).isEmpty();
        assertThat(ends).containsOnly(WriteOutcome.LEASE_LOST);
        assertThat(runRow(run)).isEqualTo(before);
        assertThat(events()).isEqualTo(eventsBefore);
        assertThat(sql().count("SELECT count(*) FROM workflow.steps")).isZero();
        assertThat(sql().count("SELECT count(*) FROM workflow.timers")).isZero();
    }

    @ParameterizedTest
    @MethodSource("staleFences")
    void the_owning_fence_still_writes_after_stale_attempts(Function<ClaimedRun, Fence> stale) {
        ClaimedRun run = startAndClaim(Runs.run("orders"));
        store.complete(stale.apply(run), "1");

        assertThat(store.complete(run.fence(), "2")).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(sql().value("SELECT output::text FROM workflow.runs WHERE id = ?", run.runId())).isEqualTo("2");
    }

    private static Map<String, Object> runRow(ClaimedRun run) {
        return sql().row("SELECT status, lease_owner, lease_expires_at, attempts, available_at, updated_at,"
                + " output::text AS output, error_code FROM workflow.runs WHERE id = ?", run.runId());
    }

    private static long events() {
        return sql().count("SELECT count(*) FROM workflow.events");
    }
}
