package io.iterativeflow.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL database the integration tests use, both from the test JVM and from the Liberty servers.
 *
 * <p>{@code FLOW_TEST_JDBC_URL}, {@code FLOW_TEST_JDBC_USER} and {@code FLOW_TEST_JDBC_PASSWORD} choose it;
 * without them the test JVM creates a database of its own ({@code flowit_<random>}) on the local server at
 * {@value #LOCAL_SERVER} as user {@code postgres}, and drops it when the JVM exits. So every build starts from an
 * empty schema, whatever earlier builds left behind.
 */
public record TestDatabase(String url, String user, String password) {

    public static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    public static TestDatabase fromEnvironment() {
        String url = System.getenv("FLOW_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new TestDatabase(url, env("FLOW_TEST_JDBC_USER", "postgres"), env("FLOW_TEST_JDBC_PASSWORD", ""));
        }
        return OwnDatabase.INSTANCE;
    }

    /** The database this JVM created on the local server, once. */
    private static final class OwnDatabase {

        static final TestDatabase INSTANCE = create();

        private static TestDatabase create() {
            String name = "flowit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            TestDatabase admin = new TestDatabase(LOCAL_SERVER + "postgres", "postgres", "");
            admin.requireReachable();
            admin.execute("CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (IllegalStateException ignored) {
                    // the server went away first; nothing left to clean
                }
            }, "drop-" + name));
            return new TestDatabase(LOCAL_SERVER + name, "postgres", "");
        }
    }

    private void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed on " + url + ": " + e.getMessage(), e);
        }
    }

    public Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        return DriverManager.getConnection(url, user, password);
    }

    /** Fails fast, before Liberty starts, with a message that says what to provide. */
    public void requireReachable() {
        try (Connection connection = connect()) {
            connection.isValid(LOGIN_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + url + " as user " + user
                    + ". Start PostgreSQL on 127.0.0.1:5432 (the tests create a database of their own), or set"
                    + " FLOW_TEST_JDBC_URL"
                    + " (and FLOW_TEST_JDBC_USER, FLOW_TEST_JDBC_PASSWORD) to a database the tests may write to.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
