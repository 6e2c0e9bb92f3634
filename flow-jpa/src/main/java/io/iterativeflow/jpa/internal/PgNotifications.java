package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Notifications;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * PostgreSQL {@code LISTEN} on a dedicated connection taken from the store's data source and unwrapped to the
 * driver's connection ({@link PgDriver}). The connection is named ({@code application_name}) so it can be found in
 * {@code pg_stat_activity}.
 */
public final class PgNotifications implements Notifications {

    /** PostgreSQL keeps at most 63 bytes of an application name. */
    private static final int MAX_NAME = 63;

    private final DataSource dataSource;

    public PgNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Listening listen(String name) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            throw StoreErrors.map(new IllegalStateException("cannot open the listening connection", e));
        }
        try {
            PgDriver driver = driver(connection);
            Object pg = driver.unwrap(connection);
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            String previousName = rename(connection, name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
            try (Statement statement = connection.createStatement()) {
                for (String channel : CHANNELS) {
                    statement.execute("LISTEN " + channel);
                }
            }
            return new PgListening(connection, driver, pg, previousName);
        } catch (SQLException | RuntimeException e) {
            PgListening.closeQuietly(connection);
            if (e instanceof UnsupportedOperationException unsupported) {
                throw unsupported;
            }
            throw StoreErrors.map(new IllegalStateException("cannot listen on the database", e));
        }
    }

    /** @throws SQLException when the database fails (retried); unsupported when the driver cannot be reached */
    private static PgDriver driver(Connection connection) throws SQLException {
        try {
            return PgDriver.of(connection);
        } catch (UnsupportedOperationException | LinkageError e) {
            UnsupportedOperationException unsupported = new UnsupportedOperationException(e.getMessage()
                    + "; give the engine a data source whose connections unwrap to the driver's connection (a"
                    + " data source of the server or a pool such as HikariCP does), or set flow.worker.listen=false"
                    + " to rely on polling without this warning");
            unsupported.initCause(e);
            throw unsupported;
        }
    }

    /** Sets {@code application_name} and returns the one it replaces. */
    static String rename(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT current_setting('application_name'), set_config('application_name', ?, false)")) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
