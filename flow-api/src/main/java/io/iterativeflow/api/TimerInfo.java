package io.iterativeflow.api;

import java.time.Instant;
import java.util.Optional;

/** A durable timer of a run: a sleep, a retry back-off or a wait timeout. */
public record TimerInfo(String cursorKey, String kind, Instant dueAt, Optional<Instant> firedAt) {
}
