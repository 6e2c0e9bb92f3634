package io.iterativeflow.core.spi;

import java.util.UUID;

/** Identifies one attempt of one run; every write of that attempt is conditioned on it. */
public record Fence(UUID runId, String owner, int attempt) {
}
