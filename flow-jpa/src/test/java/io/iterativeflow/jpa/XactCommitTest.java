package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.PostgresOnly;
import io.iterativeflow.jpa.testing.TestClock;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same one-commit claim as {@link CommitCountTest}, seen by PostgreSQL itself: {@code pg_stat_database.xact_commit}
 * of the test database. The store runs on a pool of one connection, whose backend is told to flush its statistics
 * before each reading ({@code pg_stat_force_next_flush()}, which costs one commit of its own); the readings come from
 * a connection to another database, so they add nothing.
 */
@DatabaseTest
@PostgresOnly
class XactCommitTest {

    /** The transaction of the {@code pg_stat_force_next_flush()} call that makes a reading exact. */
    private static final long FLUSH = 1;

    private static TestDatabase db;
    private static HikariDataSource single;
    private static JpaFlowStore store;

    @BeforeAll
    static void start(TestDatabase database) {
        db = database;
        single = new HikariDataSource();
        single.setJdbcUrl(database.jdbcUrl());
        single.setUsername(database.user());
        single.setPassword(database.password());
        single.setMaximumPoolSize(1);
        store = JpaFlowStore.create(single, new TestClock());
    }

    @AfterAll
    static void stop() {
        store.close();
        single.close();
    }

    @Test
    void create_run_claim_and_record_step_each_commit_once_in_postgres() throws SQLException {
        store.createRun(Runs.run("warm-up")); // a connection's first statements also look up type names
        long start = committed();
        store.createRun(Runs.run("orders"));
        long afterCreate = committed();
        ClaimedRun run = store.claim("a", 1, Duration.ofSeconds(30)).get(0);
        long afterClaim = committed();
        store.recordStep(run.fence(), new StepCompletion("a", "a", "step", 1, "1", 0));
        long afterStep = committed();

        assertThat(afterCreate - start - FLUSH).as("createRun").isEqualTo(1);
        assertThat(afterClaim - afterCreate - FLUSH).as("claim").isEqualTo(1);
        assertThat(afterStep - afterClaim - FLUSH).as("recordStep").isEqualTo(1);
    }

    private static long committed() throws SQLException {
        try (Connection connection = single.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_force_next_flush()");
        }
        try (Connection admin = db.adminConnection();
                PreparedStatement query = admin.prepareStatement(
                        "SELECT xact_commit FROM pg_stat_database WHERE datname = ?")) {
            query.setString(1, db.name());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
