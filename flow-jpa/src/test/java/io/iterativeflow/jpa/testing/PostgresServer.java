package io.iterativeflow.jpa.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests use, found once per JVM: {@code FLOW_TEST_JDBC_URL} (with
 * {@code FLOW_TEST_JDBC_USER}/{@code FLOW_TEST_JDBC_PASSWORD}) if set, else a Testcontainers PostgreSQL if Docker is
 * available, else the local server on 127.0.0.1:5432 if it answers, else a failure that names all three.
 *
 * @param adminUrl a JDBC URL of a database on that server from which databases can be created and dropped
 */
record PostgresServer(String adminUrl, String user, String password, String source) {

    static final String ENV_URL = "FLOW_TEST_JDBC_URL";
    static final String ENV_USER = "FLOW_TEST_JDBC_USER";
    static final String ENV_PASSWORD = "FLOW_TEST_JDBC_PASSWORD";
    static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String IMAGE = "postgres:15-alpine";

    static PostgresServer find() {
        String url = System.getenv(ENV_URL);
        if (url != null && !url.isBlank()) {
            PostgresServer env = new PostgresServer(url, envOr(ENV_USER, "postgres"), envOr(ENV_PASSWORD, ""),
                    ENV_URL);
            env.requireAnswer();
            return env;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "flow-test-postgres-stop"));
            return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers " + IMAGE);
        }
        PostgresServer local = new PostgresServer(LOCAL_URL + "?connectTimeout=3", envOr(ENV_USER, "postgres"),
                envOr(ENV_PASSWORD, ""), "local server");
        try {
            local.connect().close();
            return local;
        } catch (SQLException e) {
            throw new IllegalStateException("No PostgreSQL for the tests. Provide one of: (1) the environment"
                    + " variable " + ENV_URL + "=jdbc:postgresql://host:port/database (plus " + ENV_USER + " and "
                    + ENV_PASSWORD + ") of a server where that user may CREATE DATABASE; (2) a running Docker, for"
                    + " Testcontainers (" + IMAGE + "); (3) a PostgreSQL 15 on 127.0.0.1:5432 accepting user"
                    + " 'postgres'. The local server did not answer: " + e.getMessage(), e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }

    /** The URL of another database on the same server. */
    String urlOf(String database) {
        return adminUrl.replaceFirst("^(jdbc:postgresql://[^/?]+/)[^?]*", "$1" + database);
    }

    private void requireAnswer() {
        try {
            connect().close();
        } catch (SQLException e) {
            throw new IllegalStateException(ENV_URL + " is set to " + adminUrl + " but that server does not answer"
                    + " (" + e.getMessage() + "); fix it or unset it to use Testcontainers or the local server", e);
        }
    }

    private static String envOr(String key, String fallback) {
        String value = System.getenv(key);
        return value == null ? fallback : value;
    }
}
