package io.iterativeflow.jpa.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.iterativeflow.migrations.FlowMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh database for one test class: created on the test server (or in memory on H2, see {@link #onH2()}), exposed
 * through a small HikariCP pool, dropped ({@code WITH (FORCE)}) or shut down at the end. {@link #sql()} runs assertion
 * queries.
 */
public final class TestDatabase implements AutoCloseable {

    /** The system property that selects the database of a test run: {@code postgresql} (default) or {@code h2}. */
    public static final String DATABASE_PROPERTY = "flow.test.database";

    private final PostgresServer server;
    private final String name;
    private final String jdbcUrl;
    private final HikariDataSource dataSource;

    private TestDatabase(PostgresServer server, String name, String jdbcUrl, String user, String password,
            boolean migrate, int poolSize) {
        this.server = server;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setPoolName(name);
        config.setConnectionTimeout(10_000);
        this.dataSource = new HikariDataSource(config);
        if (migrate) {
            FlowMigrations.migrate(dataSource);
        }
    }

    /** Whether this test run uses H2 ({@code -Dflow.test.database=h2}) instead of PostgreSQL. */
    public static boolean onH2() {
        return "h2".equalsIgnoreCase(System.getProperty(DATABASE_PROPERTY, "postgresql"));
    }

    static TestDatabase postgres(PostgresServer server, boolean migrate, int poolSize) {
        String name = freshName();
        admin(server, "CREATE DATABASE " + name);
        return new TestDatabase(server, name, server.urlOf(name), server.user(), server.password(), migrate,
                poolSize);
    }

    /** An in-memory H2 database that lives until {@link #close()}; locks wait up to ten seconds, as on a server. */
    static TestDatabase h2(boolean migrate, int poolSize) {
        String name = freshName();
        return new TestDatabase(null, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa",
                "", migrate, poolSize);
    }

    private static String freshName() {
        return "flowtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    /** The database's name, {@code flowtest_<random>}. */
    public String name() {
        return name;
    }

    /** Whether this database is an H2 one. */
    public boolean isH2() {
        return server == null;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return isH2() ? "sa" : server.user();
    }

    public String password() {
        return isH2() ? "" : server.password();
    }

    /** Where the server came from: the environment, Testcontainers or the local server; "H2 in memory" on H2. */
    public String source() {
        return isH2() ? "H2 in memory" : server.source();
    }

    /** The pooled data source of this database (do not close it; the extension does). */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A new connection to the server's administrative database (not this test database), for statements whose own
     * transactions must not count in this database's statistics. The caller closes it. PostgreSQL only.
     */
    public Connection adminConnection() throws SQLException {
        if (isH2()) {
            throw new IllegalStateException("an H2 test database has no administrative database;"
                    + " mark the test @PostgresOnly");
        }
        return server.connect();
    }

    /** SQL helpers for assertions and set-up. */
    public SqlHelper sql() {
        return new SqlHelper(dataSource);
    }

    /** Deletes every run and, by cascade, every step, timer, signal and event: a clean slate between tests. */
    public void clearFlowTables() {
        sql().update(isH2() ? "DELETE FROM workflow.runs" : "TRUNCATE workflow.runs CASCADE");
        sql().update("DELETE FROM workflow.flow_control");
    }

    @Override
    public void close() {
        if (isH2()) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already closed: nothing left to free
            }
            dataSource.close();
            return;
        }
        dataSource.close();
        admin(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(PostgresServer server, String statementText) {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute(statementText);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + statementText + "' failed on " + server.adminUrl() + " ("
                    + server.source() + "): " + e.getMessage(), e);
        }
    }
}
