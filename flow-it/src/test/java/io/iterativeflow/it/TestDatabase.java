package io.iterativeflow.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL database the integration tests use, both from the test JVM and from the Liberty server.
 *
 * <p>{@code FLOW_TEST_JDBC_URL}, {@code FLOW_TEST_JDBC_USER} and {@code FLOW_TEST_JDBC_PASSWORD} choose it;
 * without them it is the local server at {@value #LOCAL_URL} as user {@code postgres}.
 */
public record TestDatabase(String url, String user, String password) {

    public static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    public static TestDatabase fromEnvironment() {
        return new TestDatabase(
                env("FLOW_TEST_JDBC_URL", LOCAL_URL),
                env("FLOW_TEST_JDBC_USER", "postgres"),
                env("FLOW_TEST_JDBC_PASSWORD", ""));
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
                    + ". Start PostgreSQL on 127.0.0.1:5432 with a database 'test', or set FLOW_TEST_JDBC_URL"
                    + " (and FLOW_TEST_JDBC_USER, FLOW_TEST_JDBC_PASSWORD) to a database the tests may write to.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
