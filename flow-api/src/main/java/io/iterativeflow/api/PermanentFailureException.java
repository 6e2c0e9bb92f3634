package io.iterativeflow.api;

/** Thrown by a step to say that trying again cannot help: the step fails at once, whatever its retry settings. */
public class PermanentFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PermanentFailureException(String message) {
        super(message);
    }

    public PermanentFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
