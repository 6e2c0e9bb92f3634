package io.iterativeflow.api;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Options of one start. Immutable: every {@code with...} returns a copy. */
public final class StartOptions {

    /** Longest accepted idempotency key and tag. */
    public static final int MAX_KEY_LENGTH = 512;
    public static final int MAX_TAG_LENGTH = 200;
    public static final int MAX_TAGS = 64;
    /** Longest accepted concurrency key. */
    public static final int MAX_CONCURRENCY_KEY_LENGTH = 200;

    private static final StartOptions NONE = new StartOptions(null, Set.of(), Duration.ZERO, 0, null);

    private final String idempotencyKey;
    private final Set<String> tags;
    private final Duration delay;
    private final int priority;
    private final String concurrencyKey;

    private StartOptions(String idempotencyKey, Set<String> tags, Duration delay, int priority,
            String concurrencyKey) {
        this.idempotencyKey = idempotencyKey;
        this.tags = tags;
        this.delay = delay;
        this.priority = priority;
        this.concurrencyKey = concurrencyKey;
    }

    public static StartOptions none() {
        return NONE;
    }

    /** Starting again with the same key (same flow and version) returns the existing run instead of a new one. */
    public StartOptions withIdempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("idempotency key must not be null or blank");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotency key is " + key.length() + " characters; at most "
                    + MAX_KEY_LENGTH + " are allowed (hash longer keys)");
        }
        return new StartOptions(key, tags, delay, priority, concurrencyKey);
    }

    /** Labels for finding runs later. */
    public StartOptions withTags(String... newTags) {
        if (newTags == null) {
            throw new IllegalArgumentException("tags must not be null");
        }
        Set<String> all = new LinkedHashSet<>(tags);
        for (String tag : newTags) {
            if (tag == null || tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
                throw new IllegalArgumentException("each tag must be 1 to " + MAX_TAG_LENGTH
                        + " non-blank characters, got '" + tag + "'");
            }
            all.add(tag);
        }
        if (all.size() > MAX_TAGS) {
            throw new IllegalArgumentException("a run takes at most " + MAX_TAGS + " tags, got " + all.size());
        }
        return new StartOptions(idempotencyKey, Set.copyOf(all), delay, priority, concurrencyKey);
    }

    /** The run becomes ready only after {@code delay}. */
    public StartOptions withDelay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("start delay must be zero or positive, got " + delay);
        }
        return new StartOptions(idempotencyKey, tags, delay, priority, concurrencyKey);
    }

    /**
     * Runs of one flow with the same concurrency key run one at a time, in start order: a run is claimed only once
     * every run of its flow and key started before it has ended (completed, failed or canceled); while one sleeps or
     * waits, the later ones wait too. For example one key per customer.
     *
     * @throws FlowException {@code ARGUMENT_INVALID} when the key is null, blank or longer than
     *                       {@value #MAX_CONCURRENCY_KEY_LENGTH} characters
     */
    public StartOptions withConcurrencyKey(String key) {
        if (key == null || key.isBlank()) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "concurrency key must not be null or blank;"
                    + " leave it unset for a run that need not wait for others");
        }
        if (key.length() > MAX_CONCURRENCY_KEY_LENGTH) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "concurrency key is " + key.length()
                    + " characters; at most " + MAX_CONCURRENCY_KEY_LENGTH + " are allowed (hash longer keys)");
        }
        return new StartOptions(idempotencyKey, tags, delay, priority, key);
    }

    /**
     * Higher priorities are claimed first among ready runs; the default is 0. Priority orders runs only among those
     * that may run now: a run held back by its flow's limits or its concurrency key never delays other runs.
     */
    public StartOptions withPriority(int priority) {
        return new StartOptions(idempotencyKey, tags, delay, priority, concurrencyKey);
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public Set<String> tags() {
        return tags;
    }

    public Duration delay() {
        return delay;
    }

    public int priority() {
        return priority;
    }

    /** The concurrency key; see {@link #withConcurrencyKey(String)}. */
    public Optional<String> concurrencyKey() {
        return Optional.ofNullable(concurrencyKey);
    }
}
