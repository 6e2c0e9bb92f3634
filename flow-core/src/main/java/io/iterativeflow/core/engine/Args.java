package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Argument checks of the public entry points: each failure is a {@code FlowException} that names the fix. */
final class Args {

    /** The longest start delay: 100 years, well inside what every supported database keeps as a time. */
    static final Duration MAX_DELAY = Duration.ofDays(36_500);

    private Args() {
    }

    /** Refuses an idempotency key or tag the store cannot keep ({@code where} ends the message). */
    static void startOptions(Optional<String> idempotencyKey, Set<String> tags, String where) {
        idempotencyKey.ifPresent(key -> Texts.check("idempotency key" + where, key));
        tags.forEach(tag -> Texts.check("tag" + where, tag));
    }

    static UUID runId(String runId) {
        if (runId == null || runId.isBlank()) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "run id must not be null or blank");
        }
        try {
            return UUID.fromString(runId.trim());
        } catch (IllegalArgumentException e) {
            throw new FlowException(FlowErrorCode.RUN_NOT_FOUND, "'" + abbreviate(runId) + "' is not a run id; run"
                    + " ids are the UUIDs returned by start(...)", e);
        }
    }

    static Duration timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "timeout must be zero or positive, got " + timeout);
        }
        return timeout;
    }

    static <T> T notNull(String what, T value) {
        if (value == null) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, what + " must not be null");
        }
        return value;
    }

    static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
