package io.iterativeflow.api;

import java.util.List;
import java.util.Objects;

/**
 * A start was refused, before anything was written, because a run input breaks the Bean Validation constraints of
 * the flow's input type. {@link #code()} is {@code INPUT_INVALID}; {@link #issues()} says what is wrong, one entry
 * per violated constraint, so callers can show them next to the fields they concern.
 */
public class InputInvalidException extends FlowException {

    private static final long serialVersionUID = 1L;

    private final List<Issue> issues;

    public InputInvalidException(String message, String runId, List<Issue> issues) {
        super(FlowErrorCode.INPUT_INVALID, message, runId, null);
        this.issues = List.copyOf(issues);
    }

    /** Every violated constraint, ordered by request, then property path, then message. */
    public List<Issue> issues() {
        return issues;
    }

    /** The positions (in the list given to {@code startAll}) of the requests whose input is invalid, ascending. */
    public List<Integer> requests() {
        return issues.stream().map(Issue::request).distinct().sorted().toList();
    }

    /**
     * One violated constraint.
     *
     * @param request the position of the request in the list given to {@code startAll}; 0 for {@code start} and a
     *     child's input
     * @param path the property path inside the input ({@code "customer.email"}, {@code "lines[2].quantity"}); empty
     *     when the constraint is on the input as a whole
     * @param message the constraint's message, such as {@code "must be greater than 0"}
     */
    public record Issue(int request, String path, String message) {

        public Issue {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }

        /** {@code path: message}, or {@code input: message} for a constraint on the input as a whole. */
        @Override
        public String toString() {
            return (path.isEmpty() ? "input" : path) + ": " + message;
        }
    }
}
