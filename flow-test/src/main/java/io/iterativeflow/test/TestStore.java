package io.iterativeflow.test;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.jpa.JpaFlowStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The database of the flow tests of one JVM and the store on it, made once (booting the store takes a moment) and
 * emptied before each test: an in-memory H2 database, or with {@code -Dflow.test.database=postgresql} a fresh
 * database on a PostgreSQL server, dropped when the JVM ends.
 */
final class TestStore {

    /** Selects the database: {@code h2} (default) or {@code postgresql}. */
    static final String DATABASE = "flow.test.database";
    /** The PostgreSQL server to create the test database on; default the local one. */
    static final String URL = "flow.test.jdbc-url";
    static final String USER = "flow.test.jdbc-user";
    static final String PASSWORD = "flow.test.jdbc-password";

    private static TestStore shared;

    private final DataSource dataSource;
    private final boolean h2;
    private final VirtualClock clock = new VirtualClock();
    private final JpaFlowStore store;

    private TestStore(DataSource dataSource, boolean h2) {
        this.dataSource = dataSource;
        this.h2 = h2;
        this.store = JpaFlowStore.builder(dataSource).clock(clock).migrate(true).build();
    }

    /** The JVM's test store, made on first use. */
    static synchronized TestStore get() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    private static TestStore create() {
        String database = System.getProperty(DATABASE, "h2").trim().toLowerCase(Locale.ROOT);
        String name = "flowtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        switch (database) {
            case "h2":
                return new TestStore(JdbcConnectionPool.create("jdbc:h2:mem:" + name
                        + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", ""), true);
            case "postgresql":
                return postgres(name);
            default:
                throw new FlowException(FlowErrorCode.CONFIG_INVALID, DATABASE + "=" + database + " is not a"
                        + " database the flow tests run on; use h2 (the default) or postgresql");
        }
    }

    private static TestStore postgres(String name) {
        String server = System.getProperty(URL, "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty(USER, "postgres");
        String password = System.getProperty(PASSWORD, "");
        DataSource admin = new DriverDataSource(server, user, password);
        execute(admin, "CREATE DATABASE " + name, "create the test database " + name + " on " + server
                + "; the user " + user + " needs the right to create databases (or set " + URL + ", " + USER
                + " and " + PASSWORD + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "drop " + name);
            } catch (FlowException ignored) {
                // the server went away first: nothing left to drop
            }
        }));
        int slash = server.lastIndexOf('/');
        int query = server.indexOf('?', slash);
        String url = server.substring(0, slash + 1) + name + (query < 0 ? "" : server.substring(query));
        return new TestStore(new DriverDataSource(url, user, password), false);
    }

    private static void execute(DataSource dataSource, String sql, String what) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new FlowException(FlowErrorCode.STORE_UNAVAILABLE, "the flow tests could not " + what + ": "
                    + e.getMessage(), e);
        }
    }

    JpaFlowStore store() {
        return store;
    }

    VirtualClock clock() {
        return clock;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Removes every run (with its steps, timers, signals and events) and sets the clock back to real time. */
    void clear() {
        execute(dataSource, h2 ? "DELETE FROM workflow.runs" : "TRUNCATE workflow.runs CASCADE",
                "empty the tables of the last test");
        clock.reset();
    }
}
