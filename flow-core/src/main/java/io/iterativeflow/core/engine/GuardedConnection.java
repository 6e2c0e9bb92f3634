package io.iterativeflow.core.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The connection a transactional step writes through. The engine owns its transaction, so the calls that would end
 * or change it throw ({@code commit}, {@code rollback()}, {@code setAutoCommit(true)}, isolation, {@code abort}),
 * {@code close()} does nothing, and once the step returned every call throws. Savepoints work.
 */
final class GuardedConnection implements InvocationHandler, AutoCloseable {

    private static final Set<String> FORBIDDEN = Set.of("commit", "abort", "setTransactionIsolation",
            "setNetworkTimeout");

    private final Connection delegate;
    private final Connection proxy;
    private volatile boolean open = true;

    GuardedConnection(Connection delegate) {
        this.delegate = delegate;
        this.proxy = (Connection) Proxy.newProxyInstance(GuardedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this);
    }

    Connection connection() {
        return proxy;
    }

    /** Ends the step's use of the connection; the transaction itself goes on in the engine. */
    @Override
    public void close() {
        open = false;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            case "toString":
                return "transactional step connection (" + (open ? "open" : "ended") + ")";
            case "close":
                return null;
            case "isClosed":
                return !open || delegate.isClosed();
            default:
                break;
        }
        if (!open) {
            throw new SQLException("the connection of a transactional step is only valid while the step runs; keep"
                    + " no reference to it");
        }
        if (FORBIDDEN.contains(name) || isPlainRollback(name, args) || isAutoCommitOn(name, args)) {
            throw new SQLException(name + "(...) is not allowed on the connection of a transactional step: the"
                    + " engine commits the step's writes together with its result, or rolls both back when the"
                    + " step throws (use savepoints for partial undo)");
        }
        if ("setAutoCommit".equals(name)) {
            return null;
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean isPlainRollback(String name, Object[] args) {
        return "rollback".equals(name) && (args == null || args.length == 0);
    }

    private static boolean isAutoCommitOn(String name, Object[] args) {
        return "setAutoCommit".equals(name) && Boolean.TRUE.equals(args[0]);
    }
}
