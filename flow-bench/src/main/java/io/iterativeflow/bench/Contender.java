package io.iterativeflow.bench;

import java.util.Optional;

/** One system in the comparison. Each has a database of its own on the benchmark server. */
interface Contender {

    String name();

    String database();

    /** Gives the contender a fresh database with its schema. */
    void prepare(BenchServer server);

    /** A running instance whose flow has {@code steps} steps; empty when the contender runs no flows. */
    Optional<FlowSession> launch(BenchServer server, int steps);

    /** The contender's queue of one-step jobs; empty when it has none in this comparison. */
    Optional<QueueDrain> queue();
}
