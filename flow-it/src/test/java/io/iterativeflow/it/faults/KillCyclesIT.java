package io.iterativeflow.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import io.iterativeflow.it.servers.LibertyServer;

/**
 * The fault suite: kill -9 of a Liberty JVM under load, in cycles. Each cycle starts runs, waits until their steps
 * write effects, kills the JVM after a seeded random delay and starts the server again. At the end every run must
 * complete, no recorded step may have run again, and every effect must be the recorded try of its step or a try
 * that a kill cut off (see {@link Ledger}). {@code flow.faults.cycles} (default 5) and {@code flow.faults.seed}
 * (default: the clock) are system properties of the test JVM; flow-it's pom passes them on.
 */
class KillCyclesIT {

    private static final int RUNS_PER_CYCLE = 8;
    private static final int STEPS = 4;
    private static final int WORK_MILLIS = 150;
    private static final int MAX_KILL_DELAY_MILLIS = 1500;
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    /**
     * The default lease (30 s): long enough that a loaded machine does not lose one while the server lives (the try
     * that lost it would count as an effect no kill explains). A killed server's runs are free again when it lost
     * them 30 s ago.
     */
    private static final String CONFIG = FaultApp.config("30s");

    private final Ledger ledger = new Ledger();

    @Test
    void runs_survive_repeated_kills_with_no_lost_run_and_no_recorded_step_executed_again() throws Exception {
        int cycles = Integer.getInteger("flow.faults.cycles", 5);
        long seed = Long.getLong("flow.faults.seed", System.currentTimeMillis());
        Random random = new Random(seed);
        ledger.createTable();
        List<String> runIds = new ArrayList<>();
        List<Long> killed = new ArrayList<>();
        try (LibertyServer server = LibertyServer.create("flowKills", 14, FaultApp.war(CONFIG), List.of())) {
            start(server);
            for (int cycle = 1; cycle <= cycles; cycle++) {
                long effectsBefore = ledger.effects(runIds);
                runIds.addAll(FaultApp.startLedgerRuns(server, RUNS_PER_CYCLE, STEPS, WORK_MILLIS));
                await("steps running in cycle " + cycle).atMost(PATIENCE)
                        .until(() -> ledger.effects(runIds) > effectsBefore);
                afterDelay(random.nextInt(MAX_KILL_DELAY_MILLIS));
                killed.add(server.pid());
                server.kill();
                start(server);
            }
            awaitAllEnded(runIds);
        }
        long completed = ledger.completedRuns(runIds);
        Ledger.Findings findings = ledger.findings(runIds, killed);
        long lost = runIds.size() - completed;
        System.out.printf("fault suite: %d kill cycles (seed %d), %d runs, %d lost runs, %d recorded steps"
                + " re-executed, %d unexplained effects; %d effects, %d tries cut off by kills%n", cycles, seed,
                runIds.size(), lost, findings.reExecuted(), findings.unexplained(), findings.effects(),
                findings.cutOff());

        ledger.suspects(runIds, killed).forEach(System.out::println);
        System.out.println("fault suite: killed server JVMs " + killed);

        assertThat(lost).as("lost runs (started, never completed)").isZero();
        assertThat(findings.reExecuted()).as("recorded steps executed again").isZero();
        assertThat(findings.unexplained()).as("effects beyond recorded steps and tries cut off by kills").isZero();
        assertThat(ledger.completedSteps(runIds)).as("recorded steps").isEqualTo((long) runIds.size() * STEPS);
        assertThat(findings.effects()).isGreaterThanOrEqualTo((long) runIds.size() * STEPS);
    }

    private static void start(LibertyServer server) throws Exception {
        server.start(FaultApp.READY_PATH, PATIENCE);
        await("engine ready").atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> FaultApp.get(server, "health/ready").status() == 200);
    }

    /** Returns after {@code millis}: the random moment of the kill. */
    private static void afterDelay(int millis) {
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS))
                .join();
    }

    /** Waits until every run ended; runs that never do are reported as lost, not thrown here. */
    private void awaitAllEnded(List<String> runIds) {
        try {
            await("all runs ended").atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(
                    () -> ledger.completedRuns(runIds) + ledger.runsEndedOtherwise(runIds) == runIds.size());
        } catch (ConditionTimeoutException stillRunning) {
            System.out.println("fault suite: not every run ended within " + PATIENCE + " (" + stillRunning
                    .getMessage() + ")");
        }
    }
}
