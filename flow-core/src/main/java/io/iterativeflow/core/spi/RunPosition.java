package io.iterativeflow.core.spi;

import java.time.Instant;
import java.util.UUID;

/** Where a listing page ended: the keys of its last run ({@code created_at}, then {@code id}, both descending). */
public record RunPosition(Instant createdAt, UUID runId) {
}
