package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;

/** Error codes as the store keeps them: names of {@link FlowErrorCode}, or null. */
final class ErrorCodes {

    private ErrorCodes() {
    }

    /** The code named {@code stored}; {@code fallback} when it is null or names no code (one of a newer engine). */
    static FlowErrorCode parse(String stored, FlowErrorCode fallback) {
        if (stored == null) {
            return fallback;
        }
        try {
            return FlowErrorCode.valueOf(stored);
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }
}
