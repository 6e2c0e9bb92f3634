package io.iterativeflow.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away PostgreSQL database for one test. The server is {@code FLOW_TEST_JDBC_URL} (with
 * {@code FLOW_TEST_JDBC_USER}/{@code FLOW_TEST_JDBC_PASSWORD}) when set, else the local server on 127.0.0.1:5432.
 * (flow-jpa's test extension also tries Testcontainers; this module stays without Docker dependencies.)
 */
final class ScratchDatabase implements AutoCloseable {

    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    ScratchDatabase() {
        String env = System.getenv("FLOW_TEST_JDBC_URL");
        adminUrl = env != null && !env.isBlank() ? env : LOCAL_URL;
        user = envOr("FLOW_TEST_JDBC_USER", "postgres");
        password = envOr("FLOW_TEST_JDBC_PASSWORD", "");
        name = "flowmig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        dataSource.setUrl(adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name));
        dataSource.setUser(user);
        dataSource.setPassword(password);
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("No PostgreSQL for the migration tests at " + adminUrl
                    + ": start a local server on 127.0.0.1:5432 (user postgres) or set FLOW_TEST_JDBC_URL", e);
        }
    }

    private static String envOr(String key, String fallback) {
        String value = System.getenv(key);
        return value == null ? fallback : value;
    }
}
