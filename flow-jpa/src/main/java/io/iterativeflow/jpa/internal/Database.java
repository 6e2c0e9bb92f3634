package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Notifications;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The one seam between the store and its database: everything that differs between PostgreSQL and H2, chosen once
 * when the store is built. The store's classes hold the logic both databases share and call the statements of the
 * operations here ({@code Pg*} and {@code H2*} implementations of small per-operation interfaces) and the
 * {@link Fragments} that differ. No other class compares {@link Dialect}s.
 */
public final class Database {

    final Fragments fragments;
    final History.Loader history;
    final ClaimStatement claim;
    final StepRecordStatement stepRecord;
    final StepFailureStatement stepFailure;
    final SleepStatement sleep;
    final TransitionStatements transitions;
    final RunInsertStatement runInsert;
    final LeaseStatements leases;
    final ChildStatements children;
    final CancelStatements cancel;
    final TransactionalStepStatements transactionalStep;
    final SignalWaitStatements signalWait;
    final SignalStoreStatements signalStore;
    final RetryStatement retry;
    final OperationsSql operations;
    final UndeployedStatements undeployed;
    final PruneStatements prune;
    private final Consumer<DataSource> check;
    private final Function<DataSource, Optional<Notifications>> notifications;

    private Database(Builder b) {
        this.fragments = b.fragments;
        this.history = new History.Loader(b.fragments);
        this.claim = b.claim;
        this.stepRecord = b.stepRecord;
        this.stepFailure = b.stepFailure;
        this.sleep = b.sleep;
        this.transitions = b.transitions;
        this.runInsert = b.runInsert;
        this.leases = b.leases;
        this.children = b.children;
        this.cancel = b.cancel;
        this.transactionalStep = b.transactionalStep;
        this.signalWait = b.signalWait;
        this.signalStore = b.signalStore;
        this.retry = b.retry;
        this.operations = b.operations;
        this.undeployed = b.undeployed;
        this.prune = b.prune;
        this.check = b.check;
        this.notifications = b.notifications;
    }

    /**
     * The statements of {@code dialect}.
     *
     * @param notifyProgress whether step records notify waiters on other instances (PostgreSQL only)
     */
    public static Database of(Dialect dialect, boolean notifyProgress) {
        return new Database(switch (dialect) {
            case POSTGRESQL -> postgresql(notifyProgress);
            case H2 -> h2();
        });
    }

    private static Builder postgresql(boolean notifyProgress) {
        Builder b = new Builder();
        b.fragments = PgFragments.INSTANCE;
        b.claim = new PgClaim();
        b.stepRecord = new PgStepRecord(notifyProgress);
        b.stepFailure = new PgStepFailure(notifyProgress);
        b.sleep = new PgSleep();
        b.transitions = new PgTransitions();
        b.runInsert = new PgRunInsert();
        b.leases = new PgLeases();
        b.children = new PgChildren();
        b.cancel = new PgCancel();
        b.transactionalStep = new PgTransactionalStep();
        b.signalWait = new PgSignalWait();
        b.signalStore = new PgSignalStore();
        b.retry = new PgRetry();
        b.operations = OperationsSql.POSTGRESQL;
        b.undeployed = new PgUndeployed();
        b.prune = new PgPrune();
        b.check = dataSource -> { };
        b.notifications = dataSource -> Optional.of(new PgNotifications(dataSource));
        return b;
    }

    private static Builder h2() {
        Builder b = new Builder();
        b.fragments = H2Fragments.INSTANCE;
        b.claim = new H2Claim();
        b.stepRecord = new H2StepRecord();
        b.stepFailure = new H2StepFailure();
        b.sleep = new H2Sleep();
        b.transitions = new H2Transitions();
        b.runInsert = new H2RunInsert();
        b.leases = new H2Leases();
        b.children = new H2Children();
        b.cancel = new H2Cancel();
        b.transactionalStep = new H2TransactionalStep();
        b.signalWait = new H2SignalWait();
        b.signalStore = new H2SignalStore();
        b.retry = new H2Retry();
        b.operations = OperationsSql.H2;
        b.undeployed = new H2Undeployed();
        b.prune = new H2Prune();
        b.check = H2Durability::enforce;
        b.notifications = dataSource -> Optional.empty();
        return b;
    }

    /** Checks what the database must provide before the store uses it: H2's durable commits. */
    public void check(DataSource dataSource) {
        check.accept(dataSource);
    }

    /** PostgreSQL's notifications on a dedicated connection; H2 has none (the engine polls). */
    public Optional<Notifications> notifications(DataSource dataSource) {
        return notifications.apply(dataSource);
    }

    /** The parts of one database, gathered before the seam is built. */
    private static final class Builder {
        private Fragments fragments;
        private ClaimStatement claim;
        private StepRecordStatement stepRecord;
        private StepFailureStatement stepFailure;
        private SleepStatement sleep;
        private TransitionStatements transitions;
        private RunInsertStatement runInsert;
        private LeaseStatements leases;
        private ChildStatements children;
        private CancelStatements cancel;
        private TransactionalStepStatements transactionalStep;
        private SignalWaitStatements signalWait;
        private SignalStoreStatements signalStore;
        private RetryStatement retry;
        private OperationsSql operations;
        private UndeployedStatements undeployed;
        private PruneStatements prune;
        private Consumer<DataSource> check;
        private Function<DataSource, Optional<Notifications>> notifications;
    }
}
