package io.iterativeflow.jpa.testing;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A one-phase JTA transaction as a container runs it, for tests without a server: the caller {@link #begin()}s,
 * connections of {@link #dataSource()} taken while it is active share one real PostgreSQL connection (enlisted: their
 * {@code close()} keeps it open, their {@code commit()} is refused), and {@link #commit()} or {@link #rollback()} ends
 * it and then calls the interposed synchronizations, as a transaction manager does.
 */
public final class CallerTransaction implements TransactionSynchronizationRegistry {

    private final DataSource physical;
    private final List<Synchronization> synchronizations = new ArrayList<>();
    private final Map<Object, Object> resources = new HashMap<>();
    private Connection enlisted;
    private int status = Status.STATUS_NO_TRANSACTION;

    public CallerTransaction(DataSource physical) {
        this.physical = physical;
    }

    public void begin() {
        status = Status.STATUS_ACTIVE;
    }

    public void commit() throws SQLException {
        end(true);
    }

    public void rollback() throws SQLException {
        end(false);
    }

    /** Rolls back what a failed test left open, so the next test's clean-up is not blocked by its locks. */
    public void close() throws SQLException {
        if (status != Status.STATUS_NO_TRANSACTION || enlisted != null) {
            end(false);
        }
    }

    private void end(boolean commit) throws SQLException {
        boolean committed = commit && status == Status.STATUS_ACTIVE;
        if (enlisted != null) {
            if (committed) {
                enlisted.commit();
            } else {
                enlisted.rollback();
            }
            enlisted.close();
            enlisted = null;
        }
        status = Status.STATUS_NO_TRANSACTION;
        List<Synchronization> done = List.copyOf(synchronizations);
        synchronizations.clear();
        resources.clear();
        done.forEach(s -> s.afterCompletion(committed ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK));
    }

    /** The JTA data source: inside the transaction, the enlisted connection; outside, plain connections. */
    public DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> connection();
                    case "getLogWriter" -> (PrintWriter) null;
                    case "getParentLogger" -> Logger.getGlobal();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Connection connection() throws SQLException {
        if (status == Status.STATUS_NO_TRANSACTION) {
            return physical.getConnection();
        }
        if (enlisted == null) {
            enlisted = physical.getConnection();
            enlisted.setAutoCommit(false);
        }
        Connection target = enlisted;
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> null;
                    case "commit", "rollback", "setAutoCommit" -> throw new SQLException(method.getName()
                            + " is not allowed during a global transaction");
                    default -> invoke(target, method, args);
                });
    }

    private static Object invoke(Connection target, java.lang.reflect.Method method, Object[] args)
            throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Object getTransactionKey() {
        return status == Status.STATUS_NO_TRANSACTION ? null : this;
    }

    @Override
    public void putResource(Object key, Object value) {
        resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
        return resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
        return status;
    }

    @Override
    public void setRollbackOnly() {
        status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public boolean getRollbackOnly() {
        return status == Status.STATUS_MARKED_ROLLBACK;
    }
}
