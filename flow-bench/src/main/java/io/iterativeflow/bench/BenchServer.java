package io.iterativeflow.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The PostgreSQL server named by BENCH_JDBC_URL / _USER / _PASSWORD (default: the local server, user postgres): creates
 * and drops the benchmark's databases, opens pools on them and reads the server's counters from the maintenance
 * database, so that reading them adds nothing to a benchmark database's own counts.
 */
final class BenchServer {

    private final String serverUrl;
    private final String user;
    private final String password;

    BenchServer() {
        this.serverUrl = env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/");
        this.user = env("BENCH_JDBC_USER", "postgres");
        this.password = env("BENCH_JDBC_PASSWORD", "");
    }

    String url(String database) {
        return serverUrl + database;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    void recreate(String database) {
        drop(database);
        admin("CREATE DATABASE " + database);
    }

    void drop(String database) {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    HikariDataSource pool(String database, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(database));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return new HikariDataSource(config);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    /**
     * The database's committed transactions and the server's WAL position, once no session is left on the database:
     * a backend reports its counts when it ends, and otherwise at most once a second while busy or ten seconds after
     * it went idle.
     */
    DbCounters countersAfterSessionsEnd(String database) {
        awaitNoSessions(database, Duration.ofMinutes(2));
        return countersNow(database);
    }

    /** The counters as the server reports them now; sessions on the database may not have reported all of theirs. */
    DbCounters countersNow(String database) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = '"
                        + database + "'), pg_current_wal_lsn() - '0/0'::pg_lsn")) {
            rs.next();
            return new DbCounters(rs.getLong(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the server's counters failed: " + e.getMessage(), e);
        }
    }

    private void awaitNoSessions(String database, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND datname = '"
                                + database + "'")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                LockSupport.parkNanos(20_000_000L);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("sessions on " + database + " did not end within " + timeout);
    }

    private void admin(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
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
