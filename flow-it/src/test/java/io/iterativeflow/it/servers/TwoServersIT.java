package io.iterativeflow.it.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Two Liberty servers on one database share the runs, and each step of each run is executed exactly once. */
class TwoServersIT {

    private static final int RUNS_PER_SERVER = 10;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final ExecutionLog log = new ExecutionLog();

    @Test
    void two_servers_share_the_work_and_every_step_runs_once() throws Exception {
        log.createTable();
        WebArchive war = ServerApps.war("share", ServerApps.STEADY_LEASE);
        try (LibertyServer a = LibertyServer.create("flowShareA", 12, war,
                List.of("-Dflow.instance-id=share-a"));
                LibertyServer b = LibertyServer.create("flowShareB", 13, war,
                        List.of("-Dflow.instance-id=share-b"))) {
            a.start("share/" + ServerApps.READY_PATH);
            b.start("share/" + ServerApps.READY_PATH);
            String batch = "share-" + UUID.randomUUID();
            List<String> runIds = new ArrayList<>(ServerApps.startRuns(a, "share", RUNS_PER_SERVER, batch, 150));
            runIds.addAll(ServerApps.startRuns(b, "share", RUNS_PER_SERVER, batch, 150));

            await().atMost(PATIENCE).until(() -> log.completedRuns(runIds) == runIds.size());

            assertThat(log.completedSteps(runIds)).isEqualTo((long) runIds.size() * SlowStepsFlow.STEPS);
            assertThat(log.runsClaimedAgain(runIds)).as("runs taken over although no server died").isZero();
            assertThat(log.executions(runIds)).as("step executions").isEqualTo(
                    (long) runIds.size() * SlowStepsFlow.STEPS);
            assertThat(log.stepsExecutedTwice(runIds)).isZero();
            assertThat(log.claimers(runIds)).containsExactlyInAnyOrder("share-a", "share-b");
        }
    }
}
