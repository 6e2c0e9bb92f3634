package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.WriteOutcome;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.PostgresOnly;
import io.iterativeflow.jpa.testing.TestClock;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hot path runs plain prepared JDBC statements: Hibernate prepares none of them (its statement inspector sees every
 * statement Hibernate itself prepares), and on one connection PostgreSQL ends up holding the recorded-step statement as
 * a server-prepared statement, parsed and planned once and then reused.
 */
@DatabaseTest
@PostgresOnly
class HotPathTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final AtomicInteger PREPARED_BY_HIBERNATE = new AtomicInteger();

    private TestDatabase db;
    private HikariDataSource oneConnection;
    private JpaFlowStore store;

    /** Counts what Hibernate prepares; registered by class name, so it is built by Hibernate. */
    public static final class CountingInspector implements StatementInspector {

        @Override
        public String inspect(String sql) {
            PREPARED_BY_HIBERNATE.incrementAndGet();
            return sql;
        }
    }

    @BeforeEach
    void open(TestDatabase database) {
        db = database;
        db.clearFlowTables();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1);
        config.setPoolName("hot-path");
        oneConnection = new HikariDataSource(config);
        store = JpaFlowStore.builder(oneConnection).clock(new TestClock()).migrate(false)
                .property("hibernate.session_factory.statement_inspector", CountingInspector.class.getName())
                .build();
    }

    @AfterEach
    void close() {
        store.close();
        oneConnection.close();
    }

    @Test
    void starts_claims_steps_heartbeats_completions_and_result_reads_bypass_hibernate_queries() {
        PREPARED_BY_HIBERNATE.set(0);
        for (int i = 0; i < 3; i++) {
            store.createRun(Runs.run("orders"));
        }
        List<ClaimedRun> runs = store.claim("a", 3, LEASE);
        for (ClaimedRun run : runs) {
            for (int step = 0; step < 3; step++) {
                assertThat(store.recordStep(run.fence(),
                        new StepCompletion("s" + step, "s" + step, "step", 1, "1", step)).outcome())
                        .isEqualTo(WriteOutcome.WRITTEN);
            }
        }
        store.renewLeases("a", runs.stream().map(ClaimedRun::runId).toList(), LEASE);
        for (ClaimedRun run : runs) {
            assertThat(store.complete(run.fence(), "\"done\"")).isEqualTo(WriteOutcome.WRITTEN);
            assertThat(store.state(run.runId())).hasValueSatisfying(s -> assertThat(s.outputJson())
                    .isEqualTo("\"done\""));
        }

        assertThat(PREPARED_BY_HIBERNATE.get()).as("statements Hibernate prepared").isZero();
        assertThat(store.details(runs.get(0).runId())).isPresent();
        assertThat(PREPARED_BY_HIBERNATE.get()).as("details still read through the entities").isPositive();
    }

    @Test
    void the_step_record_statement_is_prepared_once_per_connection_and_reused() throws SQLException {
        store.createRun(Runs.run("orders"));
        ClaimedRun run = store.claim("a", 1, LEASE).get(0);
        for (int step = 0; step < 12; step++) {
            store.recordStep(run.fence(), new StepCompletion("s" + step, "s" + step, "step", 1, "1", step));
        }

        try (Connection connection = oneConnection.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_prepared_statements"
                        + " WHERE NOT from_sql AND statement LIKE '%INSERT INTO workflow.steps%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("server-prepared step statements on the store's only connection")
                    .isEqualTo(1);
        }
    }
}
