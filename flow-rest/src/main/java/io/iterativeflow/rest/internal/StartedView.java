package io.iterativeflow.rest.internal;

/** The answer of {@code POST /flows/{name}/runs}: the run's id and the flow version it runs on. */
public record StartedView(String runId, String flow, int version) {
}
