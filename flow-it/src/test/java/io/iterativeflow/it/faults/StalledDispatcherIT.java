package io.iterativeflow.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.iterativeflow.it.servers.LibertyServer;

/**
 * Every worker of the server is stuck in a step while more runs wait: liveness goes DOWN over HTTP once the
 * dispatcher has claimed nothing for its stall limit (ten poll intervals, at least 30 s), readiness stays UP (the
 * database answers), and once the steps return liveness is UP again and every run completes.
 */
class StalledDispatcherIT {

    private static final String CONFIG = String.join("\n",
            "flow.rest.role=none",
            "flow.worker.concurrency=2",
            "flow.worker.poll-interval=200ms",
            "flow.worker.lease=3s",
            "flow.reconciler.interval=1s",
            "");
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final Ledger ledger = new Ledger();

    @Test
    void liveness_is_down_while_every_worker_is_stuck_and_runs_wait_and_up_again_when_they_move() throws Exception {
        try (LibertyServer server = LibertyServer.create("flowStalled", 14, FaultApp.war(CONFIG, GatedFlow.class,
                GateResource.class), List.of())) {
            server.start(FaultApp.READY_PATH);
            await().atMost(PATIENCE).until(() -> Health.live(server), Health::up);
            List<String> runIds = FaultApp.startRuns(server, GatedFlow.NAME, "\"x\"", 4);

            Health live = await("liveness DOWN").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Health.live(server), health -> health.status() == 503);
            assertThat(live.value("dispatcher")).isEqualTo("stalled");
            assertThat(Health.ready(server).status()).as("readiness: the database answers").isEqualTo(200);

            assertThat(FaultApp.post(server, FaultApp.NAME + "/api/gate").status()).isEqualTo(204);
            await("all runs completed").atMost(PATIENCE).until(() -> ledger.completedRuns(runIds) == runIds.size());
            Health again = await("liveness UP").atMost(PATIENCE).until(() -> Health.live(server), Health::up);
            assertThat(again.value("dispatcher")).isEqualTo("progressing");
        }
    }
}
