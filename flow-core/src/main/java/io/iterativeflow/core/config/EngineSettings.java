package io.iterativeflow.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Immutable engine settings. The CDI layer fills them from MicroProfile Config ({@code flow.*}); the core never reads
 * configuration itself. {@link #problems()} lists every invalid value, named by its configuration key.
 */
public record EngineSettings(
        int concurrency,
        Duration pollInterval,
        Duration leaseDuration,
        Duration reconcileInterval,
        int maxRunAttempts,
        Optional<Duration> defaultStepTimeout,
        Duration shutdownTimeout,
        int claimBatchSize,
        PayloadLimits limits,
        RetentionSettings retention,
        InvokeLimits invokeLimits) {

    public static final String PREFIX = "flow.";

    public static EngineSettings defaults() {
        return new EngineSettings(8, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10), 100,
                Optional.of(Duration.ofMinutes(10)), Duration.ofSeconds(30), 16, PayloadLimits.defaults(),
                RetentionSettings.off(), InvokeLimits.defaults());
    }

    /** Heartbeats renew leases three times per lease, so one missed beat never loses a run. */
    public Duration heartbeatInterval() {
        return leaseDuration.dividedBy(3);
    }

    public EngineSettings withConcurrency(int value) {
        return new EngineSettings(value, pollInterval, leaseDuration, reconcileInterval, maxRunAttempts,
                defaultStepTimeout, shutdownTimeout, claimBatchSize, limits, retention, invokeLimits);
    }

    public EngineSettings withPollInterval(Duration value) {
        return new EngineSettings(concurrency, value, leaseDuration, reconcileInterval, maxRunAttempts,
                defaultStepTimeout, shutdownTimeout, claimBatchSize, limits, retention, invokeLimits);
    }

    public EngineSettings withLeaseDuration(Duration value) {
        return new EngineSettings(concurrency, pollInterval, value, reconcileInterval, maxRunAttempts,
                defaultStepTimeout, shutdownTimeout, claimBatchSize, limits, retention, invokeLimits);
    }

    public EngineSettings withReconcileInterval(Duration value) {
        return new EngineSettings(concurrency, pollInterval, leaseDuration, value, maxRunAttempts,
                defaultStepTimeout, shutdownTimeout, claimBatchSize, limits, retention, invokeLimits);
    }

    public EngineSettings withMaxRunAttempts(int value) {
        return new EngineSettings(concurrency, pollInterval, leaseDuration, reconcileInterval, value,
                defaultStepTimeout, shutdownTimeout, claimBatchSize, limits, retention, invokeLimits);
    }

    public EngineSettings withDefaultStepTimeout(Optional<Duration> value) {
        return new EngineSettings(concurrency, pollInterval, leaseDuration, reconcileInterval, maxRunAttempts,
                value, shutdownTimeout, claimBatchSize, limits, retention, invokeLimits);
    }

    public EngineSettings withShutdownTimeout(Duration value) {
        return new EngineSettings(concurrency, pollInterval, leaseDuration, reconcileInterval, maxRunAttempts,
                defaultStepTimeout, value, claimBatchSize, limits, retention, invokeLimits);
    }

    public EngineSettings withClaimBatchSize(int value) {
        return new EngineSettings(concurrency, pollInterval, leaseDuration, reconcileInterval, maxRunAttempts,
                defaultStepTimeout, shutdownTimeout, value, limits, retention, invokeLimits);
    }

    public EngineSettings withLimits(PayloadLimits value) {
        return new EngineSettings(concurrency, pollInterval, leaseDuration, reconcileInterval, maxRunAttempts,
                defaultStepTimeout, shutdownTimeout, claimBatchSize, value, retention, invokeLimits);
    }

    public EngineSettings withRetention(RetentionSettings value) {
        return new EngineSettings(concurrency, pollInterval, leaseDuration, reconcileInterval, maxRunAttempts,
                defaultStepTimeout, shutdownTimeout, claimBatchSize, limits, value, invokeLimits);
    }

    public EngineSettings withInvokeLimits(InvokeLimits value) {
        return new EngineSettings(concurrency, pollInterval, leaseDuration, reconcileInterval, maxRunAttempts,
                defaultStepTimeout, shutdownTimeout, claimBatchSize, limits, retention, value);
    }

    /** The largest signal payload accepted, in bytes of its serialized UTF-8 JSON. */
    public long maxSignalPayloadBytes() {
        return limits.maxSignalPayloadBytes();
    }

    /** Every invalid value, each naming its key and the accepted range; empty when all are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        range(problems, "worker.concurrency", concurrency, 1, 1024);
        range(problems, "worker.claim-batch-size", claimBatchSize, 1, 1000);
        range(problems, "max-run-attempts", maxRunAttempts, 1, 1_000_000);
        positive(problems, "worker.poll-interval", pollInterval, Duration.ofMillis(10));
        positive(problems, "worker.lease", leaseDuration, Duration.ofMillis(300));
        positive(problems, "reconciler.interval", reconcileInterval, Duration.ofMillis(10));
        defaultStepTimeout.ifPresent(t -> positive(problems, "step.default-timeout", t, Duration.ofMillis(1)));
        if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
            problems.add(PREFIX + "shutdown.timeout must be zero or more, got " + shutdownTimeout);
        }
        if (limits == null || retention == null || invokeLimits == null) {
            problems.add("payload limits, retention and invoke limits must not be null");
        } else {
            limits.addProblems(problems);
            retention.addProblems(problems);
            invokeLimits.addProblems(problems);
        }
        return problems;
    }

    /** Throws {@code IllegalArgumentException} listing every problem. */
    public EngineSettings validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid engine settings: " + String.join("; ", problems));
        }
        return this;
    }

    private static void range(List<String> problems, String key, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(PREFIX + key + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void positive(List<String> problems, String key, Duration value, Duration min) {
        if (value == null || value.compareTo(min) < 0) {
            problems.add(PREFIX + key + " must be at least " + min + ", got " + value);
        }
    }
}
