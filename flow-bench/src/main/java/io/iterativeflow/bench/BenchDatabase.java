package io.iterativeflow.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.iterativeflow.migrations.FlowMigrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh benchmark database on the server named by BENCH_JDBC_URL (default: the local server). */
final class BenchDatabase implements AutoCloseable {

    static final String NAME = "flow_bench";

    private final String serverUrl;
    private final String user;
    private final String password;
    private final HikariDataSource pool;

    BenchDatabase(int poolSize) {
        this.serverUrl = env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/");
        this.user = env("BENCH_JDBC_USER", "postgres");
        this.password = env("BENCH_JDBC_PASSWORD", "");
        admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        admin("CREATE DATABASE " + NAME);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(serverUrl + NAME);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        this.pool = new HikariDataSource(config);
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
        admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark database setup failed (" + sql + "): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
