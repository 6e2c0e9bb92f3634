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
}
