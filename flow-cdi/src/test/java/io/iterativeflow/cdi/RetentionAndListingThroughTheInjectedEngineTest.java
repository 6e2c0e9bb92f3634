package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.RunPage;
import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunSummary;
import io.iterativeflow.cdi.flows.Greeter;
import io.iterativeflow.cdi.flows.GreetingFlow;
import io.iterativeflow.cdi.testing.Containers;
import io.iterativeflow.cdi.testing.FlowDataSourceBean;
import io.iterativeflow.cdi.testing.WithConfig;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The retention keys reach the engine of the deployment: it prunes on its schedule; listing works through CDI. */
@DatabaseTest
@WithConfig({"flow.retention.runs-older-than=30d",
        "flow.retention.schedule=* * * * * *", "flow.retention.batch-size=2", "flow.worker.concurrency=2",
        "flow.worker.poll-interval=100ms", "flow.shutdown.timeout=2s"})
class RetentionAndListingThroughTheInjectedEngineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void old_terminal_runs_go_on_schedule_while_waiting_runs_stay_and_listing_pages_through_the_rest(
            TestDatabase db) {
        db.clearFlowTables();
        db.sql().update("INSERT INTO workflow.runs (id, flow_name, flow_version, status, available_at, created_at,"
                + " updated_at, finished_at) SELECT gen_random_uuid(), 'old', 1,"
                + " CASE WHEN i <= 5 THEN 'completed' ELSE 'awaiting_signal' END, now() + INTERVAL '1 day',"
                + " now() - INTERVAL '90 days' + i * INTERVAL '1 second', now() - INTERVAL '60 days',"
                + " CASE WHEN i <= 5 THEN now() - INTERVAL '60 days' END FROM generate_series(1, 8) AS i");

        try (WeldContainer app = Containers.boot(new FlowDataSourceBean(db.dataSource()), GreetingFlow.class,
                Greeter.class)) {
            FlowEngine engine = app.select(FlowEngine.class).get();
            await().atMost(PATIENCE).until(() -> db.sql().count("SELECT count(*) FROM workflow.runs") == 3);

            assertThat(db.sql().count("SELECT count(*) FROM workflow.runs WHERE status = 'awaiting_signal'"))
                    .isEqualTo(3);
            RunPage first = engine.listRuns(RunQuery.all().withLimit(2).withStatusNames("awaiting_signal"));
            RunPage second = engine.listRuns(RunQuery.all().withLimit(2).withStatusNames("awaiting_signal")
                    .withCursor(first.nextCursor().orElseThrow()));
            assertThat(first.items()).hasSize(2);
            assertThat(second.items()).hasSize(1);
            assertThat(second.nextCursor()).isEmpty();
            assertThat(first.items().get(0).createdAt()).isAfter(second.items().get(0).createdAt());
            assertThat(engine.pruneRuns(Duration.ZERO)).as("waiting runs are never pruned").isZero();
            assertThat(second.items()).extracting(RunSummary::flowName).containsExactly("old");
        }
    }
}
