package io.iterativeflow.core.engine;

/**
 * Ends an attempt whose run now waits (sleep, retry back-off). An {@link Error}, so that a flow's
 * {@code catch (Exception e)} cannot swallow it; the engine also checks a flag in case a body catches it anyway.
 */
final class Suspended extends Error {

    private static final long serialVersionUID = 1L;

    Suspended(String reason) {
        super(reason, null, false, false);
    }
}
