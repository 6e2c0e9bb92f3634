package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * {@link Transactions} in a Jakarta EE server. The engine's own work always runs in transactions of its own on the
 * store's data source ({@link ResourceLocalTransactions}; that data source must not be enlisted in JTA transactions),
 * so claims, step records and heartbeats never join, wait for or fail with a caller's transaction. Only
 * {@link #joining} joins: when the calling thread has an active JTA transaction it writes through a connection of the
 * JTA data source, which the container enlists; the caller's commit or rollback decides, and {@link #afterCommit}
 * actions run only after a commit (an interposed synchronization).
 */
public final class JtaTransactions implements Transactions {

    private final ResourceLocalTransactions own;
    private final SessionFactory sessions;
    private final TransactionSynchronizationRegistry registry;
    private final Optional<DataSource> jtaDataSource;

    /**
     * @param jtaDataSource a JTA data source on the same database, or empty: then a start inside an active
     *     transaction fails with {@code TRANSACTION_INVALID} instead of silently committing on its own
     */
    public JtaTransactions(EntityManagerFactory factory, TransactionSynchronizationRegistry registry,
            Optional<DataSource> jtaDataSource) {
        this.own = new ResourceLocalTransactions(factory);
        this.sessions = factory.unwrap(SessionFactory.class);
        this.registry = registry;
        this.jtaDataSource = jtaDataSource;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return own.inTransaction(work);
    }

    @Override
    public <T> T readOnly(Function<EntityManager, T> work) {
        return own.readOnly(work);
    }

    @Override
    public <T> T autoCommitted(Function<EntityManager, T> work) {
        return own.autoCommitted(work);
    }

    @Override
    public <T> T joiningAutoCommitted(Function<EntityManager, T> work) {
        if (registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return own.autoCommitted(work);
        }
        return joining(work);
    }

    @Override
    public boolean callerTransactionActive() {
        return registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public <T> T joining(Function<EntityManager, T> work) {
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            return own.inTransaction(work);
        }
        if (status != Status.STATUS_ACTIVE) {
            throw new FlowException(FlowErrorCode.TRANSACTION_INVALID, "the caller's JTA transaction is "
                    + JtaStatus.name(status) + ", so it cannot take the start of a run; start runs while the"
                    + " transaction is active, or outside of any transaction");
        }
        DataSource dataSource = jtaDataSource.orElseThrow(() -> new FlowException(
                FlowErrorCode.TRANSACTION_INVALID, "a run was started inside an active JTA transaction but the"
                + " engine has no JTA data source to join it with; define one on the engine's database (the"
                + " server.xml of iterativeflow names it jdbc/flowTx) or set flow.jta.datasource, or start the run"
                + " outside of the transaction"));
        return joined(dataSource, work);
    }

    private <T> T joined(DataSource dataSource, Function<EntityManager, T> work) {
        try (Connection connection = dataSource.getConnection();
                Session session = sessions.withOptions().connection(connection).openSession()) {
            // Only native statements and queries run here: they execute at once, there is nothing to flush.
            return work.apply(session);
        } catch (SQLException | RuntimeException e) {
            markRollbackOnly(e);
            throw StoreErrors.map(e instanceof RuntimeException re ? re : new IllegalStateException(e));
        }
    }

    /** A failed write inside the caller's transaction must not be committed with the rest of it. */
    private void markRollbackOnly(Exception failure) {
        try {
            registry.setRollbackOnly();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    @Override
    public void close() {
        own.close();
    }
}
