package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.WriteOutcome;
import io.iterativeflow.jpa.testing.Concurrently;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

class CancelRaceTest extends StoreTestBase {

    @RepeatedTest(5)
    void a_cancel_racing_a_completion_leaves_exactly_one_terminal_status() throws Exception {
        ClaimedRun run = startAndClaim(Runs.run("orders"));

        List<Boolean> won = Concurrently.run(2, i -> i == 0
                ? store.cancel(run.runId(), "race").orElseThrow()
                : store.complete(run.fence(), "\"done\"") == WriteOutcome.WRITTEN);

        boolean canceled = won.get(0);
        assertThat(won.get(1)).as("completed").isNotEqualTo(canceled);
        assertThat(status(run.runId())).isEqualTo(canceled ? "canceled" : "completed");
        assertThat(sql().count("SELECT count(*) FROM workflow.events WHERE type IN ('canceled', 'completed')"))
                .isEqualTo(1);
    }
}
