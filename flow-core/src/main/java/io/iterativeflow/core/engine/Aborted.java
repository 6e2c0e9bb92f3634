package io.iterativeflow.core.engine;

/** Ends an attempt that lost its run (lease expired, run canceled, engine halted): it must write nothing more. */
final class Aborted extends Error {

    private static final long serialVersionUID = 1L;

    Aborted(String reason) {
        super(reason, null, false, false);
    }
}
