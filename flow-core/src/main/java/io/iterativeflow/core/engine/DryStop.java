package io.iterativeflow.core.engine;

/**
 * Ends a dry replay at the first durable operation that has no record: from there on the body would run a step,
 * wait, signal, start a child or write, which a dry replay never does. An {@link Error}, so that a body that catches
 * exceptions does not catch it.
 */
final class DryStop extends Error {

    private static final long serialVersionUID = 1L;

    DryStop(String operation) {
        super(operation, null, false, false);
    }
}
