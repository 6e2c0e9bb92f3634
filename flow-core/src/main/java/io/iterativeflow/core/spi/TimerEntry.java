package io.iterativeflow.core.spi;

import java.time.Instant;

/** A durable timer of a run. */
public record TimerEntry(String cursorKey, String kind, Instant dueAt) {
}
