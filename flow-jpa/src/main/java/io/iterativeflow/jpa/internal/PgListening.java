package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.Notifications;
import io.iterativeflow.core.spi.Notifications.Notification;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * One open listening connection. {@link #poll(Duration)} waits on the socket for notifications; a connection that
 * stays silent is checked now and then, so a dead one is noticed. An orderly close stops listening and restores the
 * connection's name before the pool gets it back; a broken connection is shown to the pool as broken.
 */
final class PgListening implements Notifications.Listening {

    private static final long CHECK_AFTER_NANOS = Duration.ofSeconds(15).toNanos();
    private static final int CHECK_TIMEOUT_SECONDS = 5;

    private final Connection connection;
    private final PgDriver driver;
    private final Object pg;
    private final String previousName;
    private long lastHeard = System.nanoTime();
    private boolean broken;

    PgListening(Connection connection, PgDriver driver, Object pg, String previousName) {
        this.connection = connection;
        this.driver = driver;
        this.pg = pg;
        this.previousName = previousName;
    }

    @Override
    public List<Notification> poll(Duration timeout) {
        try {
            List<Notification> notifications = driver.notifications(pg,
                    (int) Math.max(1, Math.min(timeout.toMillis(), 60_000)));
            checkAlive(!notifications.isEmpty());
            return notifications;
        } catch (SQLException | RuntimeException e) {
            broken = true;
            throw new FlowException(FlowErrorCode.STORE_UNAVAILABLE, "the listening connection failed: " + e, e);
        }
    }

    private void checkAlive(boolean heard) throws SQLException {
        long now = System.nanoTime();
        if (heard) {
            lastHeard = now;
        } else if (now - lastHeard > CHECK_AFTER_NANOS) {
            if (!connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                throw new SQLException("the listening connection does not answer");
            }
            lastHeard = now;
        }
    }

    @Override
    public void close() {
        if (!broken) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("UNLISTEN *");
                PgNotifications.rename(connection, previousName == null ? "" : previousName);
            } catch (SQLException | RuntimeException e) {
                broken = true;
            }
        }
        if (broken) {
            probe();
        }
        closeQuietly(connection);
    }

    /**
     * The failure was seen on the unwrapped driver connection, which the pool does not watch. A statement through
     * the pool's own wrapper fails the same way, so the pool discards the connection instead of lending it again.
     */
    private void probe() {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
        } catch (SQLException | RuntimeException expected) {
            // the pool has seen the failure now
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // the pool discards a connection it cannot close cleanly
        }
    }
}
