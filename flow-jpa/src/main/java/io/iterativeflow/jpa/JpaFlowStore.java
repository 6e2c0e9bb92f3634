package io.iterativeflow.jpa;

import io.iterativeflow.api.RetryResult;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.core.spi.ChildOutcome;
import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunSummary;
import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.FlowLimit;
import io.iterativeflow.core.spi.FlowStore;
import io.iterativeflow.core.spi.InFlightRun;
import io.iterativeflow.core.spi.LeaseRenewal;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.RecordedKey;
import io.iterativeflow.core.spi.Notifications;
import io.iterativeflow.core.spi.KeyedRun;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.QueueStats;
import io.iterativeflow.core.spi.RecordedStep;
import io.iterativeflow.core.spi.RunPosition;
import io.iterativeflow.core.spi.RunCommands.LocalStart;
import io.iterativeflow.core.spi.RunCommands.PayloadFit;
import io.iterativeflow.core.spi.RunState;
import io.iterativeflow.core.spi.SignalDelivery;
import io.iterativeflow.core.spi.SignalWaitOutcome;
import io.iterativeflow.core.spi.StartResult;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.core.spi.TransactionalStep;
import io.iterativeflow.core.spi.TransactionalWork;
import io.iterativeflow.core.spi.WriteOutcome;
import io.iterativeflow.jpa.internal.BulkRunCreation;
import io.iterativeflow.jpa.internal.Cancellation;
import io.iterativeflow.jpa.internal.ChildInvocation;
import io.iterativeflow.jpa.internal.Claims;
import io.iterativeflow.jpa.internal.Database;
import io.iterativeflow.jpa.internal.EntityManagerFactories;
import io.iterativeflow.jpa.internal.InFlightReads;
import io.iterativeflow.jpa.internal.LeaseWrites;
import io.iterativeflow.jpa.internal.Leases;
import io.iterativeflow.jpa.internal.Pruning;
import io.iterativeflow.jpa.internal.OperationsReads;
import io.iterativeflow.jpa.internal.RunCreation;
import io.iterativeflow.jpa.internal.RunListings;
import io.iterativeflow.jpa.internal.RunReads;
import io.iterativeflow.jpa.internal.RunRetries;
import io.iterativeflow.jpa.internal.RunTransitions;
import io.iterativeflow.jpa.internal.SignalDeliveries;
import io.iterativeflow.jpa.internal.SignalWaits;
import io.iterativeflow.jpa.internal.StepFailures;
import io.iterativeflow.jpa.internal.StepWrites;
import io.iterativeflow.jpa.internal.TimerWrites;
import io.iterativeflow.jpa.internal.UndeployedRuns;
import io.iterativeflow.jpa.internal.TransactionalSteps;
import io.iterativeflow.jpa.internal.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The engine's {@link FlowStore} on PostgreSQL through JPA (Hibernate): entities for reads, explicit SQL for the hot
 * path (claim with {@code SKIP LOCKED}, record-once steps, fenced transitions). Every method is one transaction and
 * one commit; the fenced writes are one statement each. Times come from the database clock plus the
 * {@link FlowClock}'s offset.
 *
 * <p>Create it with {@link #create(DataSource, FlowClock)} or {@link #builder(DataSource)}; {@link #close()} it when
 * the engine stops. Thread safe.
 */
public final class JpaFlowStore implements FlowStore, AutoCloseable {

    private final Transactions tx;
    private final RunCreation creation;
    private final Claims claims;
    private final StepWrites steps;
    private final StepFailures failures;
    private final TimerWrites timers;
    private final RunTransitions transitions;
    private final Cancellation cancellation;
    private final LeaseWrites leaseWrites;
    private final RunReads reads;
    private final ChildInvocation children;
    private final RunListings listings;
    private final Pruning pruning;
    private final SignalDeliveries signalDeliveries;
    private final SignalWaits signalWaits;
    private final RunRetries retries;
    private final UndeployedRuns undeployed;
    private final InFlightReads inFlight;
    private Optional<Notifications> notifications = Optional.empty();
    private final OperationsReads operations;
    private final BulkRunCreation bulk;
    private final TransactionalSteps transactionalSteps;

    /** @param database the statements of the database behind {@code tx}, chosen once here */
    JpaFlowStore(Transactions tx, Database database, FlowClock clock, Duration defaultLease) {
        Leases leases = new Leases(defaultLease);
        this.tx = tx;
        this.creation = new RunCreation(tx, clock, database, leases);
        this.claims = new Claims(tx, clock, leases, database);
        this.steps = new StepWrites(tx, clock, leases, database);
        this.failures = new StepFailures(tx, clock, leases, database);
        this.timers = new TimerWrites(tx, clock, database);
        this.transitions = new RunTransitions(tx, clock, database);
        this.cancellation = new Cancellation(tx, clock, database);
        this.leaseWrites = new LeaseWrites(tx, clock, leases, database);
        this.reads = new RunReads(tx, database);
        this.children = new ChildInvocation(tx, clock, database);
        this.listings = new RunListings(tx, database);
        this.pruning = new Pruning(tx, clock, database);
        this.signalDeliveries = new SignalDeliveries(tx, clock, database);
        this.signalWaits = new SignalWaits(tx, clock, leases, database);
        this.retries = new RunRetries(tx, clock, database);
        this.undeployed = new UndeployedRuns(tx, clock, database);
        this.inFlight = new InFlightReads(tx, database);
        this.operations = new OperationsReads(tx, clock, database);
        this.bulk = new BulkRunCreation(creation);
        this.transactionalSteps = new TransactionalSteps(tx, clock, leases, database);
    }

    /** A store over {@code dataSource} with default settings; the schema must be migrated (see the builder). */
    public static JpaFlowStore create(DataSource dataSource, FlowClock clock) {
        return builder(dataSource).clock(clock).build();
    }

    public static JpaFlowStoreBuilder builder(DataSource dataSource) {
        return new JpaFlowStoreBuilder(dataSource);
    }

    /** The entity classes of the schema, for an application that wants them in its own persistence unit. */
    public static List<Class<?>> entityClasses() {
        return EntityManagerFactories.ENTITIES;
    }

    @Override
    public StartResult createRun(NewRun run) {
        Checks.newRun(run);
        return creation.create(run);
    }

    @Override
    public LocalStart createRunClaimed(NewRun run, String owner, Duration lease) {
        Checks.newRun(run);
        Checks.owner(owner);
        Checks.positive("lease", lease);
        return creation.createClaimed(run, owner, lease);
    }

    @Override
    public List<ClaimedRun> claim(String owner, int limit, Duration lease) {
        Checks.owner(owner);
        Checks.positive("limit", limit);
        Checks.positive("lease", lease);
        return claims.claim(owner, limit, lease, Optional.empty());
    }

    @Override
    public List<ClaimedRun> claim(String owner, int limit, Duration lease, Set<String> flows) {
        Checks.owner(owner);
        Checks.positive("limit", limit);
        Checks.positive("lease", lease);
        Checks.notNull("flows", flows);
        return flows.isEmpty() ? List.of() : claims.claim(owner, limit, lease, Optional.of(Set.copyOf(flows)));
    }

    @Override
    public List<ClaimedRun> claim(String owner, int limit, Duration lease, Set<String> flows,
            Map<String, FlowLimit> limits) {
        Checks.owner(owner);
        Checks.positive("limit", limit);
        Checks.positive("lease", lease);
        Checks.notNull("flows", flows);
        Checks.notNull("limits", limits);
        return flows.isEmpty() ? List.of()
                : claims.claim(owner, limit, lease, Optional.of(Set.copyOf(flows)), Map.copyOf(limits));
    }

    @Override
    public RecordedStep recordStep(Fence fence, StepCompletion completion) {
        Checks.fence(fence);
        Checks.notNull("completion", completion);
        return steps.record(fence, completion);
    }

    @Override
    public WriteOutcome recordStepFailure(Fence fence, StepFailure failure) {
        Checks.fence(fence);
        Checks.notNull("failure", failure);
        failure.retryAfter().ifPresent(d -> Checks.notNegative("retryAfter", d));
        return failures.record(fence, failure);
    }

    @Override
    public Optional<Instant> suspendForTimer(Fence fence, String cursorKey, String kind, Optional<Instant> dueAt,
            Duration fromNow) {
        Checks.fence(fence);
        Checks.notNull("cursorKey", cursorKey);
        Checks.notNull("kind", kind);
        Checks.notNull("dueAt", dueAt);
        Checks.notNull("fromNow", fromNow);
        return timers.suspend(fence, cursorKey, kind, dueAt, fromNow);
    }

    @Override
    public WriteOutcome complete(Fence fence, String outputJson) {
        Checks.fence(fence);
        return transitions.complete(fence, outputJson);
    }

    @Override
    public WriteOutcome fail(Fence fence, String errorCode, String errorMessage) {
        Checks.fence(fence);
        return transitions.fail(fence, errorCode, errorMessage);
    }

    @Override
    public WriteOutcome release(Fence fence, String reason) {
        Checks.fence(fence);
        return transitions.release(fence, reason);
    }

    @Override
    public LeaseRenewal renewLeases(String owner, Collection<UUID> runIds, Duration lease) {
        Checks.owner(owner);
        Checks.notNull("runIds", runIds);
        Checks.positive("lease", lease);
        return leaseWrites.renew(owner, runIds, lease);
    }

    @Override
    public int reclaimExpiredLeases(int limit) {
        Checks.positive("limit", limit);
        return leaseWrites.reclaimExpired(limit);
    }

    @Override
    public Optional<Boolean> cancel(UUID runId, String reason) {
        return cancel(runId, reason, Optional.empty());
    }

    @Override
    public Optional<Boolean> cancel(UUID runId, String reason, Optional<String> actor) {
        Checks.notNull("runId", runId);
        Checks.notNull("actor", actor);
        return cancellation.cancel(runId, reason, actor);
    }

    @Override
    public Optional<RunState> state(UUID runId) {
        Checks.notNull("runId", runId);
        return reads.state(runId);
    }

    @Override
    public Optional<RunInfo> details(UUID runId) {
        Checks.notNull("runId", runId);
        return reads.details(runId);
    }

    @Override
    public ChildOutcome invokeChild(Fence parent, String cursorKey, NewRun child, int maxDepth, int maxChildren) {
        Checks.notNull("parent", parent);
        Checks.notNull("cursorKey", cursorKey);
        Checks.notNull("child", child);
        Checks.positive("maxDepth", maxDepth);
        Checks.positive("maxChildren", maxChildren);
        return children.invoke(parent, cursorKey, child, maxDepth, maxChildren);
    }

    @Override
    public int wakeParentsOfEndedChildren(int limit) {
        Checks.positive("limit", limit);
        return children.wakeParentsOfEndedChildren(limit);
    }

    @Override
    public List<RunSummary> listRuns(RunQuery query, Optional<RunPosition> after, int limit) {
        Checks.notNull("query", query);
        Checks.notNull("after", after);
        Checks.positive("limit", limit);
        return listings.list(query, after, limit);
    }

    @Override
    public int pruneRuns(Duration olderThan, int limit) {
        Checks.notNegative("olderThan", olderThan);
        Checks.positive("limit", limit);
        return pruning.runs(olderThan, limit);
    }

    @Override
    public int pruneEvents(Duration olderThan, int limit) {
        Checks.notNegative("olderThan", olderThan);
        Checks.positive("limit", limit);
        return pruning.events(olderThan, limit);
    }

    @Override
    public SignalDelivery deliverSignal(UUID runId, String name, String payloadJson, Optional<String> deliveryId) {
        return deliverSignal(runId, name, payloadJson, deliveryId, Optional.empty());
    }

    @Override
    public SignalDelivery deliverSignal(UUID runId, String name, String payloadJson, Optional<String> deliveryId,
            Optional<String> actor) {
        Checks.notNull("runId", runId);
        Checks.notNull("name", name);
        Checks.notNull("deliveryId", deliveryId);
        Checks.notNull("actor", actor);
        return signalDeliveries.deliver(runId, name, payloadJson, deliveryId, actor);
    }

    @Override
    public List<SignalDelivery> deliverSignals(List<UUID> runIds, String name, String payloadJson,
            Optional<String> deliveryId, Optional<String> actor, PayloadFit payloadFits) {
        Checks.notNull("runIds", runIds);
        runIds.forEach(id -> Checks.notNull("runId", id));
        if (Set.copyOf(runIds).size() != runIds.size()) {
            throw new IllegalArgumentException("runIds must be distinct");
        }
        Checks.notNull("name", name);
        Checks.notNull("deliveryId", deliveryId);
        Checks.notNull("actor", actor);
        Checks.notNull("payloadFits", payloadFits);
        return runIds.isEmpty() ? List.of()
                : signalDeliveries.deliverAll(List.copyOf(runIds), name, payloadJson, deliveryId, actor, payloadFits);
    }

    @Override
    public SignalWaitOutcome awaitSignal(Fence fence, String cursorKey, String name, int position,
            Optional<Duration> timeout) {
        Checks.fence(fence);
        Checks.notNull("cursorKey", cursorKey);
        Checks.notNull("name", name);
        Checks.notNull("timeout", timeout);
        return signalWaits.await(fence, cursorKey, name, position, timeout);
    }

    // --- evolution of flow code: retry, runs of undeployed versions, the deployment's replay check ---

    @Override
    public RetryResult retry(UUID runId) {
        return retry(runId, Optional.empty());
    }

    @Override
    public RetryResult retry(UUID runId, Optional<String> actor) {
        Checks.notNull("runId", runId);
        Checks.notNull("actor", actor);
        return retries.retry(runId, actor);
    }

    @Override
    public int failUndeployed(Set<String> names, Set<String> deployed, Duration grace, int limit) {
        Checks.notNull("names", names);
        Checks.notNull("deployed", deployed);
        Checks.positive("grace", grace);
        Checks.positive("limit", limit);
        return names.isEmpty() ? 0 : undeployed.failExpired(names, deployed, grace, limit);
    }

    @Override
    public long countWaitingForVersion(Set<String> names, Set<String> deployed) {
        Checks.notNull("names", names);
        Checks.notNull("deployed", deployed);
        return names.isEmpty() ? 0 : undeployed.countWaiting(names, deployed);
    }

    @Override
    public List<InFlightRun> inFlightRuns(Set<String> names, Optional<UUID> after, int limit) {
        Checks.notNull("names", names);
        Checks.notNull("after", after);
        Checks.positive("limit", limit);
        return names.isEmpty() ? List.of() : inFlight.page(names, after, limit);
    }

    @Override
    public List<RecordedKey> recordedKeys(UUID runId) {
        Checks.notNull("runId", runId);
        return inFlight.keys(runId);
    }

    /** PostgreSQL notifications on a dedicated connection (on H2: none); see {@link Notifications}. */
    @Override
    public Optional<Notifications> notifications() {
        return notifications;
    }

    JpaFlowStore notifications(Notifications source) {
        this.notifications = Optional.of(source);
        return this;
    }

    @Override
    public Optional<KeyedRun> latestRunWithKeyPrefix(String flowName, String keyPrefix) {
        Checks.notNull("flowName", flowName);
        Checks.notNull("keyPrefix", keyPrefix);
        return operations.latestWithKeyPrefix(flowName, keyPrefix);
    }

    @Override
    public QueueStats queueStats() {
        return operations.queue();
    }

    @Override
    public String schemaVersion() {
        return operations.schemaVersion();
    }

    @Override
    public List<StartResult> createRuns(List<NewRun> runs) {
        Checks.notNull("runs", runs);
        runs.forEach(Checks::newRun);
        return runs.isEmpty() ? List.of() : bulk.create(List.copyOf(runs));
    }

    @Override
    public void afterCommit(Runnable action) {
        Checks.notNull("action", action);
        tx.afterCommit(action);
    }

    @Override
    public RecordedStep runTransactionalStep(Fence fence, TransactionalStep step, TransactionalWork work) {
        Checks.fence(fence);
        Checks.notNull("step", step);
        Checks.notNull("work", work);
        return transactionalSteps.run(fence, step, work);
    }

    /** Closes the EntityManagerFactory (not the DataSource, which belongs to the caller). */
    @Override
    public void close() {
        tx.close();
    }
}
