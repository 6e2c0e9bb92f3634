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
 * A fresh database for one test class: created on the test server, exposed through a small HikariCP pool, dropped
 * ({@code WITH (FORCE)}) at the end. {@link #sql()} runs assertion queries.
 */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;
    private final HikariDataSource dataSource;

    TestDatabase(PostgresServer server, boolean migrate, int poolSize) {
        this.server = server;
        this.name = "flowtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setPoolName(name);
        config.setConnectionTimeout(10_000);
        this.dataSource = new HikariDataSource(config);
        if (migrate) {
            FlowMigrations.migrate(dataSource);
        }
    }

    /** The database's name, {@code flowtest_<random>}. */
    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.urlOf(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** Where the server came from: the environment, Testcontainers or the local server. */
    public String source() {
        return server.source();
    }

    /** The pooled data source of this database (do not close it; the extension does). */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A new connection to the server's administrative database (not this test database), for statements whose own
     * transactions must not count in this database's statistics. The caller closes it.
     */
    public Connection adminConnection() throws SQLException {
        return server.connect();
    }

    /** SQL helpers for assertions and set-up. */
    public SqlHelper sql() {
        return new SqlHelper(dataSource);
    }

    /** Deletes every run and, by cascade, every step, timer, signal and event: a clean slate between tests. */
    public void clearFlowTables() {
        sql().update("TRUNCATE workflow.runs CASCADE");
    }

    @Override
    public void close() {
        dataSource.close();
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String statementText) {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute(statementText);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + statementText + "' failed on " + server.adminUrl() + " ("
                    + server.source() + "): " + e.getMessage(), e);
        }
    }
}
