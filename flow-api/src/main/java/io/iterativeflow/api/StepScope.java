package io.iterativeflow.api;

/** What a running step knows about itself. */
public interface StepScope {

    String runId();

    /** The step's name as given to {@code ctx.step(...)}. */
    String stepName();

    /** The step's cursor key: its name, then {@code name:1}, {@code name:2} for later occurrences. */
    String cursorKey();

    /**
     * Which try of this step this is, starting at 1: one more than the tries whose failure was recorded (a value above
     * 1 means an earlier try failed and this is a retry). A try cut off before it recorded anything (the process
     * died, the lease was lost) is not counted: the next try sees the same number again. So a step whose work must
     * not happen twice cannot tell from this number alone that it ran before; make its work idempotent (a key of your
     * own, e.g. the run id and cursor key) or use {@code ctx.transactionalStep(...)}.
     */
    int attempt();

    /** Signalled when the step times out or the run is canceled; the thread is interrupted too. */
    CancellationToken cancellation();

    /**
     * The caller principal that started this run (for a child run: the one that started its top-level run), as
     * recorded at the start; empty when the caller was anonymous or the engine has no identity source. Read only: no
     * flow can change it, and it is the same in every attempt and every replay.
     */
    default java.util.Optional<String> startedBy() {
        return java.util.Optional.empty();
    }
}
