package io.iterativeflow.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.iterativeflow.it.TestDatabase;
import io.iterativeflow.it.arquillian.TestDatabaseOverrideWriter;
import io.iterativeflow.it.servers.LibertyServer;

/**
 * PostgreSQL terminates every connection of the server ({@code pg_terminate_backend}), again and again, while runs
 * are in flight: the application is not restarted, readiness is UP afterwards, every run completes and no recorded
 * step runs again. The server's connections carry an application name of their own, so only they are terminated.
 */
class ConnectionsTerminatedIT {

    private static final String APPLICATION_NAME = "flow-it-terminated";
    private static final int RUNS = 12;
    private static final int STEPS = 5;
    private static final int TERMINATION_ROUNDS = 15;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final Ledger ledger = new Ledger();
    private final Outages outages = new Outages();

    @Test
    void runs_in_flight_complete_without_a_restart_after_every_connection_was_terminated_repeatedly()
            throws Exception {
        ledger.createTable();
        TestDatabase database = RelayedDatabase.named(TestDatabase.fromEnvironment(), APPLICATION_NAME);
        try (LibertyServer server = LibertyServer.create("flowTerminated", 14, FaultApp.war(FaultApp.CONFIG),
                List.of(), TestDatabaseOverrideWriter.overrides(database))) {
            server.start(FaultApp.READY_PATH);
            Health before = await().atMost(PATIENCE).until(() -> Health.ready(server), Health::up);
            List<String> runIds = FaultApp.startLedgerRuns(server, RUNS, STEPS, 500);
            await().atMost(PATIENCE).until(() -> ledger.effects(runIds) >= RUNS / 2);

            AtomicInteger rounds = new AtomicInteger();
            AtomicInteger terminated = new AtomicInteger();
            await("termination rounds").atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
                int count = outages.terminate(APPLICATION_NAME);
                terminated.addAndGet(count);
                return count > 0 && rounds.incrementAndGet() >= TERMINATION_ROUNDS;
            });
            assertThat(terminated.get()).as("connections terminated").isGreaterThanOrEqualTo(TERMINATION_ROUNDS);

            await("all runs ended").atMost(PATIENCE).until(() -> ledger.completedRuns(runIds)
                    + ledger.runsEndedOtherwise(runIds) == RUNS);
            Health after = await("readiness UP").atMost(PATIENCE).until(() -> Health.ready(server), Health::up);
            assertThat(after.value("startedAt")).as("the application was not restarted")
                    .isEqualTo(before.value("startedAt"));
            assertThat(ledger.completedRuns(runIds)).isEqualTo(RUNS);
            assertThat(ledger.completedSteps(runIds)).isEqualTo((long) RUNS * STEPS);
            Ledger.Findings findings = ledger.findings(runIds, List.of());
            assertThat(findings.reExecuted()).as("recorded steps executed again").isZero();
            assertThat(findings.effects()).isGreaterThanOrEqualTo((long) RUNS * STEPS);
            assertThat(server.messages()).as("the application started once").containsOnlyOnce("CWWKZ0001I");
        }
    }
}
