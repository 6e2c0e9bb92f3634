package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed try of a step. With {@code retryAfter} present the step is marked {@code retrying}, a retry timer is
 * written and the run waits ({@code retrying}) until then; without it the step is marked {@code failed} for good and
 * the run keeps running (the flow body decides what follows).
 */
public record StepFailure(String cursorKey, String name, String kind, int attempts, String errorCode,
        String errorMessage, int position, Optional<Duration> retryAfter) {
}
