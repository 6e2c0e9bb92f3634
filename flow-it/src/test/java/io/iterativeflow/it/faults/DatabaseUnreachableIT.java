package io.iterativeflow.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.iterativeflow.it.TestDatabase;
import io.iterativeflow.it.arquillian.TestDatabaseOverrideWriter;
import io.iterativeflow.it.servers.LibertyServer;

/**
 * The database cannot be reached at all for longer than the leases last, while runs are in flight: the server
 * reaches it through a relay that the test cuts (every connection closed, new ones turned away) and then restores.
 * Readiness goes DOWN over HTTP and comes back UP, liveness stays UP, the application is not restarted, every run
 * completes and no recorded step runs again.
 */
class DatabaseUnreachableIT {

    private static final int RUNS = 12;
    private static final int STEPS = 5;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final Ledger ledger = new Ledger();
    private final Outages outages = new Outages();

    @Test
    void runs_in_flight_complete_without_a_restart_after_the_database_was_unreachable_and_no_recorded_step_runs_again()
            throws Exception {
        ledger.createTable();
        TestDatabase database = TestDatabase.fromEnvironment();
        try (TcpRelay relay = RelayedDatabase.relayTo(database);
                LibertyServer server = LibertyServer.create("flowUnreachable", 14, FaultApp.war(FaultApp.CONFIG),
                        List.of(), TestDatabaseOverrideWriter.overrides(RelayedDatabase.through(relay, database)))) {
            server.start(FaultApp.READY_PATH);
            Health before = await().atMost(PATIENCE).until(() -> Health.ready(server), Health::up);
            List<String> runIds = FaultApp.startLedgerRuns(server, RUNS, STEPS, 300);
            await().atMost(PATIENCE).until(() -> ledger.effects(runIds) >= RUNS / 2);

            relay.cut();
            Health down = await("readiness DOWN").atMost(PATIENCE).until(() -> Health.ready(server),
                    health -> health.status() == 503);
            assertThat(down.value("db")).isEqualTo("false");
            assertThat(down.value("error")).isNotBlank();
            // the outage lasts until every lease the server held has run out and it tried to reconnect many times
            await("leases run out").atMost(PATIENCE).until(() -> outages.liveLeases(runIds) == 0
                    && relay.turnedAway() >= 100);
            assertThat(Health.ready(server).status()).as("readiness while the database is unreachable")
                    .isEqualTo(503);
            assertThat(Health.live(server).status()).as("liveness: a restart would not bring the database back")
                    .isEqualTo(200);
            relay.restore();

            Health after = await("readiness UP again").atMost(PATIENCE).until(() -> Health.ready(server), Health::up);
            assertThat(after.value("db")).isEqualTo("true");
            assertThat(after.value("startedAt")).as("the application was not restarted")
                    .isEqualTo(before.value("startedAt"));
            await("all runs ended").atMost(PATIENCE).until(() -> ledger.completedRuns(runIds)
                    + ledger.runsEndedOtherwise(runIds) == RUNS);

            assertThat(ledger.completedRuns(runIds)).isEqualTo(RUNS);
            assertThat(ledger.completedSteps(runIds)).isEqualTo((long) RUNS * STEPS);
            Ledger.Findings findings = ledger.findings(runIds, List.of());
            assertThat(findings.reExecuted()).as("recorded steps executed again").isZero();
            assertThat(findings.effects()).isGreaterThanOrEqualTo((long) RUNS * STEPS);
            String messages = server.messages();
            assertThat(messages).as("the application started once").containsOnlyOnce("CWWKZ0001I");
            assertThat(messages).as("the outage's first failure and its end are logged")
                    .contains("summarised once a minute", "the database can be used again after");
            assertThat(occurrences(messages, "claiming runs failed")).as("claim failures logged during the outage,"
                    + " which polled every 200 ms for longer than a lease").isLessThanOrEqualTo(3);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
