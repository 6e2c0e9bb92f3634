package io.iterativeflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.iterativeflow.migrations.FlowMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh database with the engine's schema, for the engine's own measurements. */
final class BenchDatabase implements AutoCloseable {

    static final String NAME = "flow_bench";

    private final BenchServer server;
    private final HikariDataSource pool;

    BenchDatabase(BenchServer server, int poolSize) {
        this.server = server;
        server.recreate(NAME);
        this.pool = server.pool(NAME, poolSize);
        FlowMigrations.migrate(pool);
    }

    HikariDataSource pool() {
        return pool;
    }

    void truncate() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE workflow.runs CASCADE");
            s.execute("VACUUM ANALYZE workflow.runs");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits, polling on the uncounted pool, until {@code expected} runs are completed. */
    void awaitCompleted(int expected, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM workflow.runs WHERE status = 'completed'")) {
                    rs.next();
                    if (rs.getLong(1) >= expected) {
                        return;
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("runs did not complete within " + timeout);
    }

    @Override
    public void close() {
        pool.close();
        server.drop(NAME);
    }
}
