package io.iterativeflow.rest.internal;

/**
 * A request body that cannot be taken as sent; the message says what is wrong in JSON terms (where, what was expected)
 * and the resource answers it with the code that fits the endpoint.
 */
public final class BodyProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    BodyProblem(String message) {
        this(400, message);
    }

    BodyProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** 400 for a body that is wrong, 415 for one in an encoding the module cannot read. */
    public int status() {
        return status;
    }
}
