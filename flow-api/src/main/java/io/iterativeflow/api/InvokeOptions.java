package io.iterativeflow.api;

import java.util.Optional;
import java.util.Set;

/**
 * Options of a child run started by {@link FlowContext#invoke}: its tags, and an idempotency key. Immutable; every
 * {@code with} method returns a copy. Keys and tags follow the rules of {@link StartOptions}.
 *
 * <p>Without a key the child is identified by its place in the parent (its cursor key), so a resumed parent finds the
 * child it started before. With a key, a run of the child flow that already holds the key and has no parent becomes
 * the child instead of a new one (for work that other callers may have started already); a key held by another
 * parent's child fails the invoke with {@code ARGUMENT_INVALID}.
 */
public final class InvokeOptions {

    private static final InvokeOptions NONE = new InvokeOptions(StartOptions.none());

    private final StartOptions start;

    private InvokeOptions(StartOptions start) {
        this.start = start;
    }

    public static InvokeOptions none() {
        return NONE;
    }

    /** The child's idempotency key, 1 to {@value StartOptions#MAX_KEY_LENGTH} characters. */
    public InvokeOptions withIdempotencyKey(String key) {
        return new InvokeOptions(start.withIdempotencyKey(key));
    }

    /** Tags of the child run, added to those given before. */
    public InvokeOptions withTags(String... tags) {
        return new InvokeOptions(start.withTags(tags));
    }

    public Optional<String> idempotencyKey() {
        return start.idempotencyKey();
    }

    public Set<String> tags() {
        return start.tags();
    }
}
