package io.iterativeflow.bench;

/** A launched instance of a contender, with one flow. Closing it stops the instance and closes its connections. */
interface FlowSession extends AutoCloseable {

    /** Starts a run of the flow and blocks until its result is there. */
    void startAndAwait(int input);

    @Override
    void close();
}
