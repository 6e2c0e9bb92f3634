package io.iterativeflow.api;

/** The checks every {@link FlowEvent} payload makes of the run it names. */
final class EventChecks {

    private EventChecks() {
    }

    static void run(String flowName, int flowVersion, String runId) {
        notNull(flowName, "flowName");
        notNull(runId, "runId");
        if (flowVersion < 1) {
            throw new IllegalArgumentException("flowVersion must be 1 or more, got " + flowVersion);
        }
    }

    static void notNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
