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

    public ResourceLocalTransactions(EntityManagerFactory factory) {
        this.factory = factory;
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
     * Only for work of single statements: an operation of several statements asks for {@link #inTransaction}.
     */
    @Override
    public <T> T autoCommitted(Function<EntityManager, T> work) {
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
