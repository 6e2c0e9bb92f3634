package io.iterativeflow.jpa;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.jpa.internal.Database;
import io.iterativeflow.jpa.internal.Dialect;
import io.iterativeflow.jpa.internal.EntityManagerFactories;
import io.iterativeflow.jpa.internal.JtaTransactions;
import io.iterativeflow.jpa.internal.ResourceLocalTransactions;
import io.iterativeflow.jpa.internal.StoreErrors;
import io.iterativeflow.jpa.internal.Transactions;
import io.iterativeflow.migrations.FlowMigrations;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.tool.schema.spi.SchemaManagementException;

/** Settings of a {@link JpaFlowStore}; {@link #build()} checks the schema and boots Hibernate. */
public final class JpaFlowStoreBuilder {

    private static final Logger LOG = Logger.getLogger(JpaFlowStoreBuilder.class.getName());

    private final DataSource dataSource;
    private FlowClock clock = FlowClock.SYSTEM;
    private Duration defaultLease = Duration.ofSeconds(30);
    private boolean migrate;
    private boolean checkSchemaVersion = true;
    private final Map<String, Object> properties = new HashMap<>();
    private TransactionSynchronizationRegistry jtaRegistry;
    private DataSource jtaDataSource;
    private boolean notifyProgress;

    JpaFlowStoreBuilder(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The engine's clock; its offset is added to the database's {@code now()}. Default {@link FlowClock#SYSTEM}. */
    public JpaFlowStoreBuilder clock(FlowClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The lease a fenced write renews when its owner has not claimed or renewed through this store yet (normally
     * the claim's lease is used). Default 30 seconds.
     */
    public JpaFlowStoreBuilder defaultLease(Duration lease) {
        Checks.positive("defaultLease", lease);
        this.defaultLease = lease;
        return this;
    }

    /** Runs {@link FlowMigrations#migrate(DataSource)} before anything else. Default false. */
    public JpaFlowStoreBuilder migrate(boolean migrate) {
        this.migrate = migrate;
        return this;
    }

    /** Fails with {@code SCHEMA_MISMATCH} when the schema is older than this jar needs. Default true. */
    public JpaFlowStoreBuilder checkSchemaVersion(boolean check) {
        this.checkSchemaVersion = check;
        return this;
    }

    /** A Hibernate/JPA property, added after the store's defaults (it wins). */
    public JpaFlowStoreBuilder property(String name, Object value) {
        properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Makes starts join the calling thread's JTA transaction when one is active: the run is written through a
     * connection of {@code jtaDataSource} (a JTA data source on the same database, enlisted by the container) and
     * exists only if that transaction commits; this instance is woken after the commit. The engine's own work keeps
     * running in transactions of its own on the store's data source, which therefore must not be a JTA one (on Open
     * Liberty: {@code transactional="false"}).
     *
     * @param jtaDataSource may be null: a start inside an active transaction then fails with
     *     {@code TRANSACTION_INVALID} instead of committing on its own
     */
    /**
     * Sends a {@code flow_progress} notification for every recorded step, so that {@code handle.wait(runId,
     * WaitUntil.step(...))} on another instance wakes at once instead of at its next poll. Off by default: PostgreSQL
     * serializes the commits of transactions that notify, and a notification per step costs throughput.
     */
    public JpaFlowStoreBuilder notifyProgress(boolean notify) {
        this.notifyProgress = notify;
        return this;
    }

    public JpaFlowStoreBuilder jta(TransactionSynchronizationRegistry registry, DataSource jtaDataSource) {
        this.jtaRegistry = Objects.requireNonNull(registry, "registry");
        this.jtaDataSource = jtaDataSource;
        return this;
    }

    public JpaFlowStore build() {
        if (migrate) {
            migrateSchema();
        }
        if (checkSchemaVersion) {
            checkVersion();
        }
        Database database = Database.of(Dialect.of(dataSource), notifyProgress);
        database.check(dataSource);
        EntityManagerFactory factory = factory();
        Transactions tx = jtaRegistry == null ? new ResourceLocalTransactions(factory)
                : new JtaTransactions(factory, jtaRegistry, Optional.ofNullable(jtaDataSource));
        JpaFlowStore store = new JpaFlowStore(tx, database, clock, defaultLease);
        return database.notifications(dataSource).map(store::notifications).orElse(store);
    }

    private void migrateSchema() {
        try {
            FlowMigrations.migrate(dataSource);
        } catch (IllegalStateException e) {
            throw new FlowException(FlowErrorCode.SCHEMA_MISMATCH, "migrating the iterativeflow schema failed: "
                    + e.getMessage() + "; fix the cause or apply the scripts in db/migration/iterativeflow by hand", e);
        }
    }

    private void checkVersion() {
        int current;
        try {
            current = FlowMigrations.currentVersion(dataSource);
        } catch (IllegalStateException e) {
            throw new FlowException(FlowErrorCode.STORE_UNAVAILABLE, e.getMessage()
                    + "; check that PostgreSQL is reachable through the configured data source", e);
        }
        int expected = FlowMigrations.expectedVersion();
        if (current < expected) {
            throw new FlowException(FlowErrorCode.SCHEMA_MISMATCH, "the iterativeflow schema '"
                    + FlowMigrations.SCHEMA + "' " + (current == 0 ? "is absent (version 0)" : "is at version "
                    + current) + " but this engine needs version " + expected + "; run migration "
                    + SchemaVersions.pending(current, expected, FlowMigrations.pendingScripts(dataSource)) + " from db/migration/iterativeflow (flow-migrations"
                    + " jar) with FlowMigrations.migrate(dataSource) or the builder's migrate(true), or apply the"
                    + " scripts by hand");
        }
        if (current > expected) {
            LOG.warning(() -> "the iterativeflow schema '" + FlowMigrations.SCHEMA + "' is at version " + current
                    + ", newer than the version " + expected + " this engine was built for; a newer engine migrated"
                    + " it. Upgrade this instance to that engine version soon");
        }
    }

    private EntityManagerFactory factory() {
        try {
            return EntityManagerFactories.resourceLocal(dataSource, properties);
        } catch (RuntimeException e) {
            Throwable schema = cause(e, SchemaManagementException.class);
            if (schema != null) {
                throw new FlowException(FlowErrorCode.SCHEMA_MISMATCH, "the iterativeflow tables do not match"
                        + " this engine's mapping (" + schema.getMessage() + "); run the pending migrations with"
                        + " FlowMigrations.migrate(dataSource)", e);
            }
            throw StoreErrors.map(e);
        }
    }

    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
