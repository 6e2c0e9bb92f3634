package io.iterativeflow.rest.internal;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.InputInvalidException;

/** Turns failures into JSON answers with the HTTP status that fits their code. */
public final class Answers {

    private static final Logger LOG = Logger.getLogger(Answers.class.getName());

    /** The code of a failure that is no caller's doing; the server log has its cause. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private Answers() {
    }

    /** The HTTP status for a failure with {@code code}. */
    public static int statusOf(FlowErrorCode code) {
        return switch (code) {
            case RUN_NOT_FOUND, FLOW_UNKNOWN -> 404;
            case ARGUMENT_INVALID, INPUT_INVALID, SIGNAL_PAYLOAD_INVALID, SERIALIZATION_FAILED -> 400;
            case INPUT_TOO_LARGE, SIGNAL_PAYLOAD_TOO_LARGE -> 413;
            case ACCESS_DENIED -> 403;
            case STORE_UNAVAILABLE, ENGINE_STOPPED -> 503;
            default -> 409;
        };
    }

    /** A failure as JSON; an input that breaks its constraints lists them as {@code issues} ("path: message"). */
    public static Response failure(FlowException e) {
        List<String> issues = e instanceof InputInvalidException invalid
                ? invalid.issues().stream().map(Object::toString).toList() : List.of();
        return error(statusOf(e.code()), e.code().name(), stripCode(e), e.runId().orElse(null), issues);
    }

    /** A body that cannot be taken: 415 for an unknown charset, otherwise 400 with {@code code}. */
    public static Response body(BodyProblem e, FlowErrorCode code) {
        return e.status() == 415 ? error(415, HttpErrors.code(415), e.getMessage(), null, List.of())
                : error(e.status(), code.name(), e.getMessage(), null, List.of());
    }

    public static Response badRequest(String message) {
        return error(400, FlowErrorCode.ARGUMENT_INVALID.name(), message, null, List.of());
    }

    public static Response error(int status, String code, String message, String runId, List<String> issues) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code, message, runId, issues)).build();
    }

    /** A failure nobody planned for: logged with its stack trace here, answered with none. */
    public static Response unexpected(RuntimeException e) {
        LOG.log(Level.SEVERE, "unexpected failure in the iterativeflow REST API", e);
        return error(500, INTERNAL_ERROR, HttpErrors.message(500), null, List.of());
    }

    /**
     * A caller's text as a message may echo it: at most 80 characters, with control characters, quotes and lone
     * surrogates escaped, so that an answer never carries them back.
     */
    public static String shown(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        StringBuilder out = new StringBuilder(shown.length());
        shown.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    /** The exception's message without the "[CODE] " prefix that FlowException adds; the body carries the code. */
    private static String stripCode(FlowException e) {
        String message = e.getMessage();
        String prefix = "[" + e.code().name() + "] ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
