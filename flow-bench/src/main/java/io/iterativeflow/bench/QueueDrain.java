package io.iterativeflow.bench;

/** A contender's durable queue of one-step jobs, filled first and then drained by its workers. */
interface QueueDrain {

    /** Queues {@code count} one-step jobs without running any; the connections it used are closed on return. */
    void fill(BenchServer server, int count);

    /** Workers on the queue, ready but not started yet. */
    Workers workers(BenchServer server);

    /** A query whose single value is the number of queued jobs that have not finished. */
    String unfinishedQuery();

    /** Workers of a queue. Closing them stops them and closes their connections. */
    interface Workers extends AutoCloseable {

        void start();

        @Override
        void close();
    }
}
