package io.iterativeflow.rest.internal;

import java.time.Duration;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.config.Durations;

/** Query parameters read with messages that name the parameter and the accepted form. */
public final class Params {

    private Params() {
    }

    public static int integer(String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "query parameter '" + name + "' must be a whole"
                    + " number, got '" + Answers.shown(text) + "'");
        }
    }

    public static Duration duration(String name, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "query parameter '" + name + "' must be a"
                    + " duration such as 30s, 5m or PT1H, got '" + Answers.shown(text) + "'");
        }
    }
}
