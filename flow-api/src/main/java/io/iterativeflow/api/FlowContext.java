package io.iterativeflow.api;

import java.time.Duration;
import java.time.Instant;

/**
 * The flow's handle on durable operations. Each operation is identified by a cursor key derived from its name and
 * how many times that name occurred earlier in this attempt, so the same code path always finds the same records.
 */
public interface FlowContext {

    String runId();

    String flowName();

    int flowVersion();

    /** The run's attempt, starting at 1; it grows each time the run is claimed again (after a sleep, retry, crash). */
    int attempt();

    /**
     * The caller principal that started this run, as {@link StepScope#startedBy()}: recorded at the start, inherited
     * by child runs, never changed; empty for an anonymous caller or an engine without an identity source.
     */
    default java.util.Optional<String> startedBy() {
        return java.util.Optional.empty();
    }

    /**
     * Runs {@code fn} and records its result; on replay returns the recorded result without running it. At-least-once:
     * if the process dies after {@code fn} but before its result is recorded, {@code fn} runs again. For database
     * writes that must happen exactly once, use {@link #transactionalStep}.
     */
    default <T> T step(String name, Class<T> type, StepFunction<T> fn) {
        return step(name, TypeRef.of(type), StepOptions.defaults(), fn);
    }

    default <T> T step(String name, Class<T> type, StepOptions options, StepFunction<T> fn) {
        return step(name, TypeRef.of(type), options, fn);
    }

    /** The general form: {@code type} names the result type, generics included ({@code new TypeRef<List<X>>() {}}). */
    <T> T step(String name, TypeRef<T> type, StepOptions options, StepFunction<T> fn);

    /** A step without a result. */
    default void step(String name, StepAction action) {
        step(name, StepOptions.defaults(), action);
    }

    default void step(String name, StepOptions options, StepAction action) {
        step(name, TypeRef.of(Void.class), options, scope -> {
            action.run(scope);
            return null;
        });
    }

    /**
     * An exactly-once database step: {@code fn} runs inside a transaction on the engine's data source, and that same
     * transaction records its result. Write your business rows through {@link TransactionalStepScope#connection()}:
     * they commit together with the step's record, or not at all, so a crash can never apply them twice. A try that
     * throws (or times out) rolls back everything it wrote, then retries follow {@code options}. On replay returns the
     * recorded result without running {@code fn}. Work outside that connection (HTTP calls, other databases) is still
     * at-least-once, as in {@link #step}.
     *
     * <p>A timeout rolls the transaction back; no statement of the step runs longer than the timeout.
     */
    default <T> T transactionalStep(String name, Class<T> type, TransactionalStepFunction<T> fn) {
        return transactionalStep(name, TypeRef.of(type), StepOptions.defaults(), fn);
    }

    default <T> T transactionalStep(String name, Class<T> type, StepOptions options,
            TransactionalStepFunction<T> fn) {
        return transactionalStep(name, TypeRef.of(type), options, fn);
    }

    /** The general form of {@link #transactionalStep(String, Class, TransactionalStepFunction)}. */
    <T> T transactionalStep(String name, TypeRef<T> type, StepOptions options, TransactionalStepFunction<T> fn);

    /** Suspends the run durably for {@code duration} (zero returns at once); no thread is held while it waits. */
    default void sleep(Duration duration) {
        sleep("sleep", duration);
    }

    /** A named sleep, so that inserting another sleep before it does not shift its cursor key. */
    void sleep(String name, Duration duration);

    /** Suspends the run until {@code instant}; an instant in the past returns at once. */
    default void sleepUntil(Instant instant) {
        sleepUntil("sleep", instant);
    }

    void sleepUntil(String name, Instant instant);

    /** Waits durably for the signal {@code name} without a timeout and returns its payload; see below. */
    default <T> T signal(String name, Class<T> type) {
        return signal(name, TypeRef.of(type), SignalOptions.none());
    }

    default <T> T signal(String name, Class<T> type, SignalOptions options) {
        return signal(name, TypeRef.of(type), options);
    }

    /** For generic payloads: {@code ctx.signal("items", new TypeRef<List<Item>>() {})}. */
    default <T> T signal(String name, TypeRef<T> type) {
        return signal(name, type, SignalOptions.none());
    }

    /**
     * Waits durably for the signal {@code name} and returns its payload, read as {@code type}. A signal sent before
     * the flow reaches this point was buffered and is returned at once; otherwise the run suspends (no thread is
     * held) until one is sent. Each call consumes one signal, and on replay returns the payload it consumed the first
     * time. Cursor key: {@code signal:<name>} ({@code signal:<name>:1} for the next wait on the same name).
     *
     * @throws FlowException {@code SIGNAL_TIMEOUT} when the options' timeout passed without a signal; it is never
     *     retried: the run fails with it unless the flow catches it
     */
    <T> T signal(String name, TypeRef<T> type, SignalOptions options);

    /** The current time, recorded on first use at this point of the flow so every replay sees the same value. */
    Instant now();

    /**
     * Runs {@code child} as a child run and returns its output. The child has its own run id, attempts and history;
     * the parent waits without holding a thread until the child ends, and a resumed parent never starts a second
     * child for the same call. A failed or canceled child throws {@link ChildFailedException} with the child's code
     * (not retried). Cursor key: {@code invoke:<flow>@<version>}.
     */
    default <CI, CO> CO invoke(FlowDefinition<CI, CO> child, CI input) {
        return invoke(child, input, InvokeOptions.none());
    }

    /** {@link #invoke(FlowDefinition, Object)} with tags or an idempotency key for the child run. */
    <CI, CO> CO invoke(FlowDefinition<CI, CO> child, CI input, InvokeOptions options);

    /** {@link #invoke(FlowDefinition, Object)} for a {@link Flow}-annotated class (its deployed definition). */
    default <CI, CO> CO invoke(Class<? extends FlowBody<CI, CO>> child, CI input) {
        return invoke(child, input, InvokeOptions.none());
    }

    /** {@link #invoke(Class, Object)} with options for the child run. */
    <CI, CO> CO invoke(Class<? extends FlowBody<CI, CO>> child, CI input, InvokeOptions options);
}
