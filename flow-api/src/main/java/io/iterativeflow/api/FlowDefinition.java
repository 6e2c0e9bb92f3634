package io.iterativeflow.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A flow defined in code: a name, a version, typed input and output, and a body. Immutable. Produce it as a CDI bean
 * ({@code @Produces FlowDefinition<A, B>}) to have it deployed and validated with the annotated flows.
 *
 * <pre>{@code
 * FlowDefinition<Order, Receipt> ORDER = FlowDefinition.builder("order", Order.class, Receipt.class)
 *     .version(2)
 *     .body((ctx, order) -> ...)
 *     .build();
 * }</pre>
 *
 * <p>Instead of a code body, a flow can be a static node tree: {@link Builder#steps} with a {@link Pipeline}.
 */
public final class FlowDefinition<I, O> {

    /** The shortest period a rate limit accepts. */
    public static final Duration MIN_RATE_PERIOD = Duration.ofSeconds(1);

    /** Longest accepted flow name. */
    public static final int MAX_NAME_LENGTH = 200;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String name;
    private final int version;
    private final TypeRef<I> inputType;
    private final TypeRef<O> outputType;
    private final FlowBody<I, O> body;
    private final Map<String, TypeRef<?>> signals;
    private final int maxConcurrency;
    private final int rateLimit;
    private final Duration ratePeriod;

    private FlowDefinition(Builder<I, O> builder) {
        this.name = builder.name;
        this.version = builder.version;
        this.inputType = builder.inputType;
        this.outputType = builder.outputType;
        this.body = builder.body;
        this.signals = builder.signals.resolve(builder.name);
        this.maxConcurrency = builder.maxConcurrency;
        this.rateLimit = builder.rateLimit;
        this.ratePeriod = builder.ratePeriod;
    }

    public static <I, O> Builder<I, O> builder(String name, Class<I> inputType, Class<O> outputType) {
        return builder(name, TypeRef.of(inputType), TypeRef.of(outputType));
    }

    public static <I, O> Builder<I, O> builder(String name, TypeRef<I> inputType, TypeRef<O> outputType) {
        checkName(name);
        if (inputType == null || outputType == null) {
            throw new IllegalArgumentException("flow '" + name + "': input and output types must not be null"
                    + " (use Void.class for none)");
        }
        return new Builder<>(name, 1, inputType, outputType, null, SignalDeclarations.NONE, 0, 0, null);
    }

    /**
     * Checks a flow name: 1 to {@value #MAX_NAME_LENGTH} characters, letters, digits, '.', '_' and '-', starting with
     * a letter or digit.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("flow name must not be null or blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("flow name is " + name.length() + " characters long; at most "
                    + MAX_NAME_LENGTH + " are allowed");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("flow name '" + name + "' may only hold letters, digits, '.', '_' and"
                    + " '-', and must start with a letter or digit");
        }
        return name;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public TypeRef<I> inputType() {
        return inputType;
    }

    public TypeRef<O> outputType() {
        return outputType;
    }

    public FlowBody<I, O> body() {
        return body;
    }

    /** The declared signals: payload type by signal name, in declaration order; empty when none are declared. */
    public Map<String, TypeRef<?>> signals() {
        return signals;
    }

    /** At most this many runs of the flow run at once across all instances; empty when unlimited. */
    public OptionalInt maxConcurrency() {
        return maxConcurrency > 0 ? OptionalInt.of(maxConcurrency) : OptionalInt.empty();
    }

    /** At most this many runs of the flow are claimed per {@link #ratePeriod()}; empty when unlimited. */
    public OptionalInt rateLimit() {
        return rateLimit > 0 ? OptionalInt.of(rateLimit) : OptionalInt.empty();
    }

    /** The period of {@link #rateLimit()}; empty when the flow has no rate limit. */
    public Optional<Duration> ratePeriod() {
        return Optional.ofNullable(ratePeriod);
    }

    /**
     * Checks a concurrency limit: 1 or more.
     *
     * @throws FlowException {@code ARGUMENT_INVALID} naming the setting
     */
    public static int checkMaxConcurrency(String flowName, int limit) {
        if (limit < 1) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "flow '" + flowName + "': maxConcurrency must"
                    + " be 1 or more, got " + limit + "; leave it unset for no limit");
        }
        return limit;
    }

    /**
     * Checks a rate limit: 1 or more claims per a period of at least {@link #MIN_RATE_PERIOD}.
     *
     * @throws FlowException {@code ARGUMENT_INVALID} naming the setting
     */
    public static void checkRateLimit(String flowName, int limit, Duration period) {
        if (limit < 1) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "flow '" + flowName + "': rateLimit must be 1"
                    + " or more, got " + limit + "; leave it unset for no limit");
        }
        if (period == null || period.compareTo(MIN_RATE_PERIOD) < 0) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "flow '" + flowName + "': ratePeriod must be at"
                    + " least 1 second, got " + period + "; for a finer rate, use a longer period with a higher limit");
        }
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }

    /** An immutable builder: every method returns a new builder and leaves this one unchanged. */
    public static final class Builder<I, O> {

        private final String name;
        private final int version;
        private final TypeRef<I> inputType;
        private final TypeRef<O> outputType;
        private final FlowBody<I, O> body;
        private final SignalDeclarations signals;
        private final int maxConcurrency;
        private final int rateLimit;
        private final Duration ratePeriod;

        private Builder(String name, int version, TypeRef<I> inputType, TypeRef<O> outputType, FlowBody<I, O> body,
                SignalDeclarations signals, int maxConcurrency, int rateLimit, Duration ratePeriod) {
            this.name = name;
            this.version = version;
            this.inputType = inputType;
            this.outputType = outputType;
            this.body = body;
            this.signals = signals;
            this.maxConcurrency = maxConcurrency;
            this.rateLimit = rateLimit;
            this.ratePeriod = ratePeriod;
        }

        /**
         * At most {@code limit} runs of the flow (all versions) are running at once across all instances; the others
         * wait, ready, for a free place. The configuration {@code flow.flows.<name>.max-concurrency} overrides it.
         *
         * @throws FlowException {@code ARGUMENT_INVALID} when {@code limit} is below 1
         */
        public Builder<I, O> maxConcurrency(int limit) {
            checkMaxConcurrency(name, limit);
            return new Builder<>(name, version, inputType, outputType, body, signals, limit, rateLimit, ratePeriod);
        }

        /**
         * At most {@code limit} runs of the flow (all versions) are claimed per {@code period} across all instances;
         * the others stay ready and are claimed in a later period. The configuration
         * {@code flow.flows.<name>.rate-limit} and {@code .rate-period} override it.
         *
         * @throws FlowException {@code ARGUMENT_INVALID} when {@code limit} is below 1 or {@code period} shorter
         *                       than {@link #MIN_RATE_PERIOD}
         */
        public Builder<I, O> rateLimit(int limit, Duration period) {
            checkRateLimit(name, limit, period);
            return new Builder<>(name, version, inputType, outputType, body, signals, maxConcurrency, limit, period);
        }

        /**
         * Sets the version. Versions are positive and only move forward: a number below the builder's current
         * version is refused, so a copied builder cannot silently reuse an older version.
         */
        public Builder<I, O> version(int newVersion) {
            if (newVersion < 1) {
                throw new IllegalArgumentException("flow '" + name + "': version must be 1 or more, got " + newVersion);
            }
            if (newVersion < version) {
                throw new IllegalArgumentException("flow '" + name + "': version " + newVersion + " is lower than "
                        + version + "; versions only move forward, so give the new definition a higher number");
            }
            return new Builder<>(name, newVersion, inputType, outputType, body, signals, maxConcurrency, rateLimit,
                    ratePeriod);
        }

        public Builder<I, O> body(FlowBody<I, O> newBody) {
            if (newBody == null) {
                throw new IllegalArgumentException("flow '" + name + "': body must not be null");
            }
            return new Builder<>(name, version, inputType, outputType, newBody, signals, maxConcurrency, rateLimit,
                    ratePeriod);
        }

        /**
         * Sets the body to a static node tree built with {@link Pipeline}, and declares each signal it waits for with
         * its payload type.
         */
        public Builder<I, O> steps(FlowSteps<I, O> steps) {
            if (steps == null) {
                throw new IllegalArgumentException("flow '" + name + "': steps must not be null");
            }
            Builder<I, O> declared = body(steps);
            for (PipelineNode.Signal signal : steps.signals()) {
                declared = declared.signal(signal.name(), signal.type());
            }
            return declared;
        }

        /**
         * Declares a signal the flow waits for and its payload type; see {@link FlowSignal}. Declaring one name again
         * with another type makes {@link #build()} fail.
         */
        public Builder<I, O> signal(String signalName, Class<?> payloadType) {
            if (payloadType == null) {
                throw new IllegalArgumentException("flow '" + name + "': signal '" + signalName
                        + "' needs a payload type");
            }
            return signal(signalName, TypeRef.of(payloadType));
        }

        public Builder<I, O> signal(String signalName, TypeRef<?> payloadType) {
            return new Builder<>(name, version, inputType, outputType, body,
                    signals.plus(name, signalName, payloadType), maxConcurrency, rateLimit, ratePeriod);
        }

        /** @throws IllegalArgumentException without a body, or when a signal name is declared with two types */
        public FlowDefinition<I, O> build() {
            if (body == null) {
                throw new IllegalArgumentException("flow '" + name + "@" + version + "' has no body: call body(...) or"
                        + " steps(...) before build()");
            }
            Objects.requireNonNull(inputType);
            return new FlowDefinition<>(this);
        }
    }
}
