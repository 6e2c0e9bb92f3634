package io.iterativeflow.cdi.internal;

import static io.iterativeflow.cdi.FlowConfigKeys.*;

import io.iterativeflow.core.config.DryReplaySettings;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.config.VersionSettings;
import io.iterativeflow.core.config.ListenSettings;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code flow.*} configuration, read and checked once at deployment.
 *
 * @param engine what the engine core receives
 * @param dataSourceName the JNDI name used when there is no {@code @FlowDataSource} bean
 * @param migrate whether Flyway migrations run at boot
 * @param instanceId the name of this instance in leases, or empty for a random one
 * @param executorName JNDI name of the managed executor for flow bodies
 * @param schedulerName JNDI name of the managed scheduled executor for polls and heartbeats
 * @param versions how runs of undeployed flow versions are treated, and the deployment's replay check
 * @param listen the database listener ({@code flow.worker.listen})
 * @param dryReplay the dry replay of code flows in the deployment check ({@code flow.versions.dry-replay.*})
 */
record FlowConfiguration(EngineSettings engine, String dataSourceName, boolean migrate, Optional<String> instanceId,
        String executorName, String schedulerName, VersionSettings versions, ListenSettings listen,
        DryReplaySettings dryReplay) {

    static final int MAX_INSTANCE_ID_LENGTH = 200;

    /** Reads every key; adds one problem per invalid key to {@code problems}. */
    static FlowConfiguration read(Function<String, Optional<String>> lookup, List<Problem> problems) {
        ConfigValues values = new ConfigValues(lookup, problems);
        EngineSettings d = EngineSettings.defaults();
        EngineSettings engine = new EngineSettings(
                values.integer(WORKER_CONCURRENCY, d.concurrency()),
                values.duration(WORKER_POLL_INTERVAL, d.pollInterval()),
                values.duration(WORKER_LEASE, d.leaseDuration()),
                values.duration(RECONCILER_INTERVAL, d.reconcileInterval()),
                values.integer(MAX_RUN_ATTEMPTS, d.maxRunAttempts()),
                values.durationOrNone(STEP_DEFAULT_TIMEOUT, d.defaultStepTimeout().orElseThrow()),
                values.duration(SHUTDOWN_TIMEOUT, d.shutdownTimeout()),
                values.integer(WORKER_CLAIM_BATCH_SIZE, d.claimBatchSize()),
                PayloadLimitsConfig.read(values, d.limits()),
                RetentionConfig.read(values, d.retention(), problems),
                InvokeLimitsConfig.read(values, d.invokeLimits()));
        engine.problems().forEach(problem -> problems.add(Messages.configInvalid(problem)));
        Optional<String> instanceId = values.text(INSTANCE_ID);
        if (instanceId.isPresent() && instanceId.get().length() > MAX_INSTANCE_ID_LENGTH) {
            problems.add(Messages.configInvalid(INSTANCE_ID + " is " + instanceId.get().length()
                    + " characters long; use 1 to " + MAX_INSTANCE_ID_LENGTH));
        }
        return new FlowConfiguration(engine,
                values.text(DATASOURCE, DATASOURCE_DEFAULT),
                values.bool(SCHEMA_MIGRATE, true),
                instanceId,
                values.text(WORKER_EXECUTOR, WORKER_EXECUTOR_DEFAULT),
                values.text(WORKER_SCHEDULER, WORKER_SCHEDULER_DEFAULT),
                VersionsConfig.read(values, problems),
                ListenConfig.read(values, ListenSettings.defaults()),
                DryReplayConfig.read(values, problems));
    }
}
