package io.iterativeflow.it.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * kill -9 of the Liberty JVM while runs are in flight: after a restart every run completes, every step is recorded
 * once, and no step runs again once the engine had recorded it.
 */
class ServerCrashIT {

    private static final int RUNS = 12;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final ExecutionLog log = new ExecutionLog();

    @Test
    void runs_in_flight_when_the_server_is_killed_complete_after_a_restart_and_no_recorded_step_runs_again()
            throws Exception {
        log.createTable();
        try (LibertyServer server = LibertyServer.create("flowCrash", 11,
                ServerApps.war("crash", ServerApps.SHORT_LEASE), List.of())) {
            server.start("crash/" + ServerApps.READY_PATH);
            List<String> runIds = ServerApps.startRuns(server, "crash", RUNS, "crash-" + UUID.randomUUID(), 400);

            await().atMost(PATIENCE).until(() -> log.completedSteps(runIds) >= 6);
            server.kill();
            long completedAtKill = log.completedRuns(runIds);
            assertThat(completedAtKill).as("runs still in flight when the server died").isLessThan(RUNS);

            server.start("crash/" + ServerApps.READY_PATH);
            await().atMost(PATIENCE).until(() -> log.completedRuns(runIds) == RUNS);

            assertThat(log.completedSteps(runIds)).isEqualTo((long) RUNS * SlowStepsFlow.STEPS);
            assertThat(log.executionsAfterRecording(runIds)).as("steps executed after they were recorded").isZero();
            assertThat(log.executions(runIds)).isGreaterThanOrEqualTo((long) RUNS * SlowStepsFlow.STEPS);
            assertThat(log.runsClaimedAgain(runIds)).as("runs taken over after the crash").isPositive();
        }
    }
}
