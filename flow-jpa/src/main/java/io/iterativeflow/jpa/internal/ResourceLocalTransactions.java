package io.iterativeflow.jpa.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FlushModeType;
import java.sql.Connection;
import java.util.function.Function;
import org.hibernate.Session;

/** {@link Transactions} over a resource-local {@link EntityManagerFactory}: one EntityManager per call. */
public final class ResourceLocalTransactions implements Transactions {

    private final EntityManagerFactory factory;
    private final Dialect dialect;

    public ResourceLocalTransactions(EntityManagerFactory factory, Dialect dialect) {
        this.factory = factory;
        this.dialect = dialect;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return run(work, false);
    }

    @Override
    public <T> T readOnly(Function<EntityManager, T> work) {
        return run(work, true);
    }

    @Override
    public <T> T joiningAutoCommitted(Function<EntityManager, T> work) {
        return autoCommitted(work);
    }

    /**
     * No {@code begin}: the pool's connections are in auto-commit mode, so each statement commits by itself. A pool
     * that hands out connections outside auto-commit gets an explicit transaction, as {@link #inTransaction} does.
     * On H2 the operations are several statements, so they always get one transaction.
     */
    @Override
    public <T> T autoCommitted(Function<EntityManager, T> work) {
        if (dialect == Dialect.H2) {
            return inTransaction(work);
        }
        EntityManager em = newEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            if (!em.unwrap(Session.class).doReturningWork(Connection::getAutoCommit)) {
                tx.begin();
            }
            T result = work.apply(em);
            if (tx.isActive()) {
                tx.commit();
            }
            return result;
        } catch (RuntimeException e) {
            rollbackQuietly(tx, e);
            throw StoreErrors.map(e);
        } finally {
            em.close();
        }
    }

    private <T> T run(Function<EntityManager, T> work, boolean readOnly) {
        EntityManager em = newEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            if (readOnly) {
                em.unwrap(Session.class).setDefaultReadOnly(true);
                em.setFlushMode(FlushModeType.COMMIT);
            }
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            rollbackQuietly(tx, e);
            throw StoreErrors.map(e);
        } finally {
            em.close();
        }
    }

    private EntityManager newEntityManager() {
        try {
            return factory.createEntityManager();
        } catch (RuntimeException e) {
            throw StoreErrors.map(e);
        }
    }

    private static void rollbackQuietly(EntityTransaction tx, RuntimeException failure) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        if (factory.isOpen()) {
            factory.close();
        }
    }
}
