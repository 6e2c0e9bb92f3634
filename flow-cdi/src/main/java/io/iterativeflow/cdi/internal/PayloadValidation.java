package io.iterativeflow.cdi.internal;

import io.iterativeflow.core.engine.EngineBuilder;

/**
 * Gives the engine the application's Bean Validation {@code Validator}, when the API is on the class path and the
 * container provides one, so that signal payloads are validated when they are sent. Without it, payloads are only
 * checked against their declared type.
 */
final class PayloadValidation {

    private PayloadValidation() {
    }

    static void configure(EngineBuilder builder) {
        if (apiPresent()) {
            ContainerValidator.find().ifPresent(builder::validator);
        }
    }

    private static boolean apiPresent() {
        try {
            Class.forName("jakarta.validation.Validator", false, PayloadValidation.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
