package io.iterativeflow.api;

/** What a running step knows about itself. */
public interface StepScope {

    String runId();

    /** The step's name as given to {@code ctx.step(...)}. */
    String stepName();

    /** The step's cursor key: its name, then {@code name:1}, {@code name:2} for later occurrences. */
    String cursorKey();

    /** Which try of this step this is, starting at 1. A value above 1 means an earlier try failed or was lost. */
    int attempt();

    /** Signalled when the step times out or the run is canceled; the thread is interrupted too. */
    CancellationToken cancellation();
}
