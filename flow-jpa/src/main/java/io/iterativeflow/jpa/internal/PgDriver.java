package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Notifications.Notification;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL driver's notification API ({@code org.postgresql.PGConnection}), reached through the class loader
 * that loaded the driver. In an application server the driver is often a library of the server that the application
 * cannot see (Open Liberty's {@code <library>} of a data source), so the engine does not link against the driver's
 * classes: it finds them through an object the driver made, then unwraps the pool's connection to that interface.
 */
final class PgDriver {

    private static final String CONNECTION = "org.postgresql.PGConnection";
    private static final String NOTIFICATION = "org.postgresql.PGNotification";

    private final Class<?> connectionType;
    private final Method getNotifications;
    private final Method name;
    private final Method parameter;

    private PgDriver(ClassLoader loader) throws ReflectiveOperationException {
        this.connectionType = Class.forName(CONNECTION, false, loader);
        this.getNotifications = connectionType.getMethod("getNotifications", int.class);
        Class<?> notification = Class.forName(NOTIFICATION, false, loader);
        this.name = notification.getMethod("getName");
        this.parameter = notification.getMethod("getParameter");
    }

    /**
     * The driver behind {@code connection}: the application's own copy when the connection unwraps to it, else the one
     * that loaded the classes of a value the database returns.
     *
     * @throws UnsupportedOperationException when the connection does not unwrap to the driver's connection type
     */
    static PgDriver of(Connection connection) throws SQLException {
        PgDriver visible = load(PgDriver.class.getClassLoader());
        if (visible != null && connection.isWrapperFor(visible.connectionType)) {
            return visible;
        }
        PgDriver behind = load(driverLoader(connection));
        if (behind == null || !connection.isWrapperFor(behind.connectionType)) {
            throw new UnsupportedOperationException("the data source's connections do not unwrap to the PostgreSQL"
                    + " driver's connection (" + CONNECTION + "), which the engine needs to receive notifications");
        }
        return behind;
    }

    /** The driver's connection behind the pool's {@code connection}. */
    Object unwrap(Connection connection) throws SQLException {
        return connection.unwrap(connectionType);
    }

    /** Waits up to {@code timeoutMillis} for notifications on the driver's connection {@code pg}. */
    List<Notification> notifications(Object pg, int timeoutMillis) throws SQLException {
        Object received = invoke(getNotifications, pg, timeoutMillis);
        int count = received == null ? 0 : Array.getLength(received);
        List<Notification> notifications = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Object n = Array.get(received, i);
            notifications.add(new Notification((String) invoke(name, n), (String) invoke(parameter, n)));
        }
        return notifications;
    }

    private static Object invoke(Method method, Object target, Object... args) throws SQLException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("the PostgreSQL driver failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException("the PostgreSQL driver's " + method.getName() + " is not accessible", e);
        }
    }

    /** The loader of the driver: an interval value comes back as the driver's own type. */
    private static ClassLoader driverLoader(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT CAST('0' AS interval)")) {
            row.next();
            Object value = row.getObject(1);
            return value == null ? null : value.getClass().getClassLoader();
        }
    }

    private static PgDriver load(ClassLoader loader) {
        if (loader == null) {
            return null;
        }
        try {
            return new PgDriver(loader);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
