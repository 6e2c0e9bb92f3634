package io.iterativeflow.examples.hello.api;

import java.net.URI;

/** The answer to a start: the run's id and where to follow it. */
public record StartedRun(String runId, URI status, URI result) {
}
