package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Notifications;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * PostgreSQL {@code LISTEN} on a dedicated connection taken from the store's data source and unwrapped to the
 * driver's {@link PGConnection}. The connection is named ({@code application_name}) so it can be found in
 * {@code pg_stat_activity}.
 */
public final class PgNotifications implements Notifications {

    /** PostgreSQL keeps at most 63 bytes of an application name. */
    private static final int MAX_NAME = 63;

    private final DataSource dataSource;

    public PgNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the PostgreSQL driver's classes are visible here (in a container they may not be). */
    public static boolean driverVisible(ClassLoader loader) {
        try {
            Class.forName("org.postgresql.PGConnection", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
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
            PGConnection pg = unwrap(connection);
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            String previousName = rename(connection, name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
            try (Statement statement = connection.createStatement()) {
                for (String channel : CHANNELS) {
                    statement.execute("LISTEN " + channel);
                }
            }
            return new PgListening(connection, pg, previousName);
        } catch (SQLException | RuntimeException e) {
            PgListening.closeQuietly(connection);
            if (e instanceof UnsupportedOperationException unsupported) {
                throw unsupported;
            }
            throw StoreErrors.map(new IllegalStateException("cannot listen on the database", e));
        }
    }

    private static PGConnection unwrap(Connection connection) {
        try {
            return connection.unwrap(PGConnection.class);
        } catch (SQLException | LinkageError e) {
            throw new UnsupportedOperationException("the data source's connections are not PostgreSQL connections"
                    + " that this application can unwrap (" + e + "); make the PostgreSQL driver visible to the"
                    + " application to get notifications", e);
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
