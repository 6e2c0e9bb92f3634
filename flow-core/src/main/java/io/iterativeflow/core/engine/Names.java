package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;

/** Checks the names a flow gives its steps and sleeps. */
final class Names {

    static final int MAX_LENGTH = 200;

    private Names() {
    }

    static String checkStepName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, what + " name must not be null or blank");
        }
        if (name.length() > MAX_LENGTH) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, what + " name is " + name.length()
                    + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        if (name.indexOf(':') >= 0 || name.indexOf('#') >= 0) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, what + " name '" + name + "' must not contain ':'"
                    + " or '#': the engine uses them in cursor keys (name:1, name:2 for repeated occurrences)");
        }
        return Texts.check(what + " name", name);
    }
}
