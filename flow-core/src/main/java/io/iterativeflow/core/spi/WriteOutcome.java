package io.iterativeflow.core.spi;

/** What a fenced write did. */
public enum WriteOutcome {
    /** The write happened. */
    WRITTEN,
    /** The attempt no longer owns the run (lease lost, run canceled or finished elsewhere); nothing was written. */
    LEASE_LOST
}
