package io.iterativeflow.cdi;

import io.iterativeflow.core.config.EngineSettings;

/**
 * The MicroProfile Config keys the CDI integration reads, all under {@value #PREFIX}. Every value is read and
 * checked once, at deployment: an unparseable or out-of-range value fails the deployment with the key named.
 * Durations accept short forms ({@code 250ms 30s 5m 2h 3d}) and ISO-8601 ({@code PT30S}).
 */
public final class FlowConfigKeys {

    public static final String PREFIX = EngineSettings.PREFIX;

    /** Attempts running at once on this instance, 1 to 1024. Default 8. */
    public static final String WORKER_CONCURRENCY = PREFIX + "worker.concurrency";
    /** How often the engine looks for ready runs when no notification arrives. Default 1s. */
    public static final String WORKER_POLL_INTERVAL = PREFIX + "worker.poll-interval";
    /** How long a claimed run stays owned without a heartbeat. Default 30s. */
    public static final String WORKER_LEASE = PREFIX + "worker.lease";
    /** Most runs claimed in one statement, 1 to 1000. Default 16. */
    public static final String WORKER_CLAIM_BATCH_SIZE = PREFIX + "worker.claim-batch-size";
    /** JNDI name of the managed executor that runs flow bodies. Default {@value #WORKER_EXECUTOR_DEFAULT}. */
    public static final String WORKER_EXECUTOR = PREFIX + "worker.executor";
    /**
     * JNDI name of the managed scheduled executor for polls and heartbeats. Default
     * {@value #WORKER_SCHEDULER_DEFAULT}.
     */
    public static final String WORKER_SCHEDULER = PREFIX + "worker.scheduler";
    /** How often expired leases are swept. Default 10s. */
    public static final String RECONCILER_INTERVAL = PREFIX + "reconciler.interval";
    /** Attempts a run may take before it fails, 1 to 1000000. Default 100. */
    public static final String MAX_RUN_ATTEMPTS = PREFIX + "max-run-attempts";
    /** Timeout of steps that set none; {@code none} disables it. Default 10m. */
    public static final String STEP_DEFAULT_TIMEOUT = PREFIX + "step.default-timeout";
    /** How long a shutdown waits for attempts in flight before giving them back. Default 30s. */
    public static final String SHUTDOWN_TIMEOUT = PREFIX + "shutdown.timeout";
    /**
     * JNDI name of the data source, used when there is no {@link FlowDataSource} bean. Default
     * {@value #DATASOURCE_DEFAULT}.
     */
    public static final String DATASOURCE = PREFIX + "datasource";
    /** Whether the engine applies its Flyway migrations at boot. Default true. */
    public static final String SCHEMA_MIGRATE = PREFIX + "schema.migrate";
    /** This instance's name in run leases, 1 to 200 characters; unique per running instance. Default: random. */
    public static final String INSTANCE_ID = PREFIX + "instance-id";

    /**
     * Largest run input accepted, in bytes of its JSON ({@code 1048576}, {@code 512KB}, {@code 2MiB}); larger
     * inputs fail the start with {@code INPUT_TOO_LARGE}. Default 1MiB.
     */
    public static final String LIMITS_MAX_INPUT_BYTES = PREFIX + "limits.max-input-bytes";
    /** Largest step result accepted, in bytes of its JSON; a larger one fails the step. Default 1MiB. */
    public static final String LIMITS_MAX_STEP_RESULT_BYTES = PREFIX + "limits.max-step-result-bytes";
    /** Largest signal payload accepted, in bytes of its JSON. Default 256KiB. */
    public static final String LIMITS_MAX_SIGNAL_PAYLOAD_BYTES = PREFIX + "limits.max-signal-payload-bytes";
    /**
     * Terminal runs that finished longer ago than this are deleted with everything recorded about them. Unset
     * (the default): runs are kept.
     */
    public static final String RETENTION_RUNS_OLDER_THAN = PREFIX + "retention.runs-older-than";
    /** Audit events older than this are deleted (runs stay). Unset (the default): events are kept. */
    public static final String RETENTION_EVENTS_OLDER_THAN = PREFIX + "retention.events-older-than";
    /**
     * Whether the engine listens for database notifications (PostgreSQL {@code LISTEN}) to pick up new work and wake
     * result waiters at once; off, it relies on polling every {@link #WORKER_POLL_INTERVAL}. Default true.
     */
    public static final String WORKER_LISTEN = PREFIX + "worker.listen";

    /**
     * Whether every recorded step is announced to other instances, so a {@code wait(runId, WaitUntil.step(...))}
     * there wakes at once instead of at its next poll. Costs throughput (PostgreSQL serializes notifying commits).
     * Default false.
     */
    public static final String WORKER_NOTIFY_PROGRESS = PREFIX + "worker.notify-progress";

    /** How deep a chain of child runs may go, the root counting as 1. Default 10. */
    public static final String LIMITS_MAX_INVOKE_DEPTH = PREFIX + "limits.max-invoke-depth";
    /** How many child runs one run may start. Default 1000. */
    public static final String LIMITS_MAX_CHILDREN_PER_RUN = PREFIX + "limits.max-children-per-run";
    /**
     * When retention runs: a cron expression in UTC, five fields ({@code minute hour day-of-month month day-of-week})
     * or six with seconds first, as Jakarta Concurrency's {@code CronTrigger} reads them. Default
     * {@code 0 * * * *} (hourly). Only used when an age is set.
     */
    public static final String RETENTION_SCHEDULE = PREFIX + "retention.schedule";
    /** Rows retention deletes per statement (each a short transaction), 1 to 100000. Default 1000. */
    public static final String RETENTION_BATCH_SIZE = PREFIX + "retention.batch-size";

    /**
     * JNDI name of a JTA data source on the engine's database, through which a start inside an active JTA transaction
     * joins it (the run exists only if that transaction commits). Default {@value #JTA_DATASOURCE_DEFAULT}; when
     * that name is not bound, such starts fail with {@code TRANSACTION_INVALID}. A name set here must be bound.
     */
    public static final String JTA_DATASOURCE = PREFIX + "jta.datasource";

    public static final String DATASOURCE_DEFAULT = "jdbc/flow";
    public static final String WORKER_EXECUTOR_DEFAULT = "java:comp/DefaultManagedExecutorService";
    public static final String WORKER_SCHEDULER_DEFAULT = "java:comp/DefaultManagedScheduledExecutorService";
    /** The value of {@link #STEP_DEFAULT_TIMEOUT} that disables the default step timeout. */
    public static final String NONE = "none";
    public static final String JTA_DATASOURCE_DEFAULT = "jdbc/flowTx";

    /**
     * How long a ready run may wait for a flow version that is not deployed before it fails with
     * {@code FLOW_UNKNOWN}; only engines that deploy another version of that flow fail it. Default 7d.
     */
    public static final String VERSIONS_UNDEPLOYED_GRACE = PREFIX + "versions.undeployed-grace";
    /**
     * What the deployment does with in-flight runs that cannot replay on the deployed definitions (their version is
     * not deployed, a builder flow can no longer produce a key they recorded, or a code flow's body cannot follow
     * their history in a dry replay): {@code fail} the deployment listing them, {@code warn} in the log, or
     * {@code off}. Default warn.
     */
    public static final String VERSIONS_CHECK = PREFIX + "versions.check";
    /**
     * Most in-flight runs per code flow version that the deployment check replays dry against the deployed body
     * (the first by run id); {@code 0} turns the dry replay off. Default 100.
     */
    public static final String VERSIONS_DRY_REPLAY_LIMIT = PREFIX + "versions.dry-replay.limit";
    /**
     * How long the dry replays of one deployment may take in all; runs not replayed in time are reported. Default
     * 10s.
     */
    public static final String VERSIONS_DRY_REPLAY_BUDGET = PREFIX + "versions.dry-replay.budget";
    /** Comma-separated names of code flows never replayed dry (their bodies touch the outside world). Default none. */
    public static final String VERSIONS_DRY_REPLAY_EXCLUDE = PREFIX + "versions.dry-replay.exclude";

    /** The prefix of one flow's keys: {@code flow.flows.<name>.}. */
    public static final String FLOWS = PREFIX + "flows.";
    /**
     * {@code flow.flows.<name>.max-concurrency}: at most this many runs of the flow running at once, across all
     * instances; overrides the flow's own.
     */
    public static final String FLOW_MAX_CONCURRENCY = "max-concurrency";
    /**
     * {@code flow.flows.<name>.rate-limit}: at most this many claims of the flow per rate period, across all
     * instances; overrides the flow's own.
     */
    public static final String FLOW_RATE_LIMIT = "rate-limit";
    /** {@code flow.flows.<name>.rate-period}: the rate limit's period, 1s or more; overrides the flow's own. */
    public static final String FLOW_RATE_PERIOD = "rate-period";

    /** The full key of one flow's setting, such as {@code flow.flows.order.max-concurrency}. */
    public static String flowKey(String flowName, String setting) {
        return FLOWS + flowName + "." + setting;
    }

    private FlowConfigKeys() {
    }
}
