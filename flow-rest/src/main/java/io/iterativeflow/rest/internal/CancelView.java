package io.iterativeflow.rest.internal;

/** The answer of {@code POST /runs/{id}/cancel}: whether this request canceled the run, and its status now. */
public record CancelView(String runId, boolean canceled, String status) {
}
