package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Makes every commit on H2 survive a killed process. H2's MVStore writes committed transactions to its file only at
 * its next store commit, by default up to 500 ms later ({@code WRITE_DELAY}): a process killed in that window comes
 * back without them, so runs the engine had completed would run again. At boot the engine sets {@code WRITE_DELAY 0}
 * (a commit returns once it is in the file) and {@code DB_CLOSE_DELAY -1}: H2 does not keep {@code WRITE_DELAY} when
 * it closes a database whose last connection was closed, so the database stays open until the JVM exits. Commits are
 * then written by the committing thread, which H2 cannot survive being interrupted in; the engine never interrupts a
 * thread inside a store call.
 */
public final class H2Durability {

    private static final String READ = "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'WRITE_DELAY'";

    private H2Durability() {
    }

    /** @throws FlowException {@code CONFIG_INVALID} when commits stay delayed and this user may not change that */
    public static void enforce(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try {
                statement.execute("SET WRITE_DELAY 0");
                statement.execute("SET DB_CLOSE_DELAY -1");
            } catch (SQLException notAdmin) {
                String delay = writeDelay(statement);
                if (!"0".equals(delay)) {
                    throw refused(delay, notAdmin);
                }
            }
        } catch (SQLException e) {
            throw StoreErrors.map(new IllegalStateException("cannot set up the H2 database for durable commits", e));
        }
    }

    private static String writeDelay(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery(READ)) {
            return row.next() ? row.getString(1) : "unknown";
        }
    }

    private static FlowException refused(String delay, SQLException cause) {
        return new FlowException(FlowErrorCode.CONFIG_INVALID, "the H2 database writes commits to its file up to "
                + delay + " ms after they return (WRITE_DELAY " + delay + "), so a crash could undo work the engine"
                + " has recorded, and this database user may not change that (" + cause.getMessage() + "); add"
                + " ;WRITE_DELAY=0;DB_CLOSE_DELAY=-1 to the data source's URL, or connect as an admin user", cause);
    }
}
