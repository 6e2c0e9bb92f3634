package io.iterativeflow.core.spi;

/**
 * Durable state of runs. One transaction (one commit) per method. Failures of the database surface as
 * {@code FlowException(STORE_UNAVAILABLE)}. The methods come in roles, each an interface of its own:
 * {@link RunCommands} (starts, cancels, signals, retries), {@link RunQueue} (claims and leases),
 * {@link AttemptWrites} (the fenced writes of an attempt), {@link RunQueries} (reads) and {@link Housekeeping}
 * (retention, stranded parents, undeployed versions).
 */
public interface FlowStore extends RunCommands, RunQueue, AttemptWrites, RunQueries, Housekeeping {
}
