package io.iterativeflow.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RetryResult;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.api.SignalSendOptions;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.cdi.internal.EngineQueue;
import io.iterativeflow.dashboard.DashboardRoles;
import io.iterativeflow.rest.internal.Answers;
import io.iterativeflow.rest.internal.BodyProblem;
import io.iterativeflow.rest.internal.BodyText;
import io.iterativeflow.rest.internal.CancelView;
import io.iterativeflow.rest.internal.ErrorBody;
import io.iterativeflow.rest.internal.JsonShapes;
import io.iterativeflow.rest.internal.RetryView;
import io.iterativeflow.rest.internal.RunPageView;
import io.iterativeflow.rest.internal.RunQueries;
import io.iterativeflow.rest.internal.RunView;
import io.iterativeflow.rest.internal.SignalPayloads;
import io.iterativeflow.rest.internal.SignalView;
import io.iterativeflow.rest.internal.StartedView;
import io.iterativeflow.rest.internal.StrictJson;
import io.iterativeflow.rest.internal.TypedJson;

/**
 * The JSON the dashboard's pages read and the actions they send, under {@code /flow-dashboard/api/}. It answers with
 * the same views and error bodies as the REST API ({@code {code, message}}), but lives under the dashboard's own path:
 * a browser that signed in for the pages sends the same credentials here, whatever the application's REST root is.
 *
 * <p>The container already refuses callers without one of the two roles (the fragment's security constraint); this
 * servlet checks again, so a {@code web.xml} that drops the constraint does not open it. Changing requests need
 * {@link DashboardRoles#ADMIN}, POST and the {@link DashboardRoles#ACTION_HEADER} header.
 */
public class DashboardApi extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DashboardApi.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();
    /** Far above the engine's own payload caps; a larger body is refused before it is read. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    @Inject
    transient FlowEngine engine;

    @Inject
    transient EngineQueue queue;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Route route = Route.of(request.getPathInfo());
        try {
            if (route.kind() == Route.Kind.NONE) {
                error(response, 404, "NOT_FOUND", "no data of the dashboard at this path", null, List.of());
            } else if (refused(route, request, response)) {
                return;
            } else {
                send(response, route.kind() == Route.Kind.START ? 201 : 200, answer(route, request));
            }
        } catch (FlowException e) {
            error(response, Answers.statusOf(e.code()), e.code().name(), withoutCode(e), e.runId().orElse(null),
                    List.of());
        } catch (InvalidSignal e) {
            error(response, 400, FlowErrorCode.SIGNAL_PAYLOAD_INVALID.name(), e.getMessage(), route.runId(),
                    e.issues);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected failure in the iterativeflow dashboard", e);
            error(response, 500, Answers.INTERNAL_ERROR, "the request failed unexpectedly; the server log has the"
                    + " details", null, List.of());
        }
    }

    /** Writes the refusal and answers true when the caller may not make this request. */
    private static boolean refused(Route route, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String method = route.kind().acts() ? "POST" : "GET";
        if (!method.equals(request.getMethod())) {
            response.setHeader("Allow", method);
            error(response, 405, "METHOD_NOT_ALLOWED", "this path takes " + method + " only", null, List.of());
            return true;
        }
        String denied = FlowErrorCode.ACCESS_DENIED.name();
        if (request.getUserPrincipal() == null) {
            error(response, 401, denied, "sign in: the dashboard needs a caller with role '" + DashboardRoles.ADMIN
                    + "' or '" + DashboardRoles.VIEWER + "'", null, List.of());
            return true;
        }
        boolean admin = request.isUserInRole(DashboardRoles.ADMIN);
        if (!admin && !request.isUserInRole(DashboardRoles.VIEWER)) {
            error(response, 403, denied, "caller '" + request.getUserPrincipal().getName() + "' has neither role '"
                    + DashboardRoles.ADMIN + "' nor '" + DashboardRoles.VIEWER + "'", null, List.of());
            return true;
        }
        if (route.kind().acts() && !admin) {
            error(response, 403, denied, "caller '" + request.getUserPrincipal().getName() + "' may look but not"
                    + " act: cancel, retry, signal and start need role '" + DashboardRoles.ADMIN + "'", null,
                    List.of());
            return true;
        }
        String header = request.getHeader(DashboardRoles.ACTION_HEADER);
        if (route.kind().acts() && (header == null || header.isBlank())) {
            error(response, 403, denied, "a changing request needs the header " + DashboardRoles.ACTION_HEADER
                    + ", which the dashboard's pages send; requests from other sites cannot", null, List.of());
            return true;
        }
        return false;
    }

    private Object answer(Route route, HttpServletRequest request) throws IOException {
        return switch (route.kind()) {
            case ME -> new CallerView(request.getUserPrincipal().getName(),
                    request.isUserInRole(DashboardRoles.ADMIN));
            case QUEUE -> QueueView.of(queue.now());
            case RUNS -> RunPageView.of(engine.listRuns(RunQueries.of(request.getParameter("name"),
                    statuses(request), request.getParameter("tag"), request.getParameter("limit"),
                    request.getParameter("cursor"))));
            case RUN -> RunView.of(engine.status(route.runId()));
            case CANCEL -> cancel(route.runId(), body(request));
            case RETRY -> retry(route.runId());
            case SIGNAL -> signal(route.runId(), route.name(), body(request),
                    request.getHeader("Idempotency-Key"));
            case START -> start(route.name(), body(request), request.getHeader("Idempotency-Key"));
            case NONE -> throw new IllegalStateException("no answer for an unknown path");
        };
    }

    private CancelView cancel(String runId, String body) {
        boolean canceled = engine.cancel(runId, reason(body));
        return new CancelView(runId, canceled, engine.status(runId).status().dbName());
    }

    private RetryView retry(String runId) {
        RetryResult result = engine.retry(runId);
        if (result instanceof RetryResult.NotFound) {
            throw new FlowException(FlowErrorCode.RUN_NOT_FOUND, "no run with id " + runId
                    + "; it never existed or retention removed it", runId, null);
        }
        String status = result instanceof RetryResult.Retried ? engine.status(runId).status().dbName() : null;
        return RetryView.of(result, status);
    }

    private SignalView signal(String runId, String name, String body, String deliveryId) {
        RunInfo run = engine.status(runId);
        Object payload;
        try {
            payload = SignalPayloads.read(engine, run, name, body);
        } catch (SignalPayloads.Unreadable e) {
            throw new InvalidSignal(name, e.issues());
        } catch (BodyProblem e) {
            throw new FlowException(FlowErrorCode.SIGNAL_PAYLOAD_INVALID, e.getMessage());
        }
        SignalSendOptions options = deliveryId == null || deliveryId.isBlank() ? SignalSendOptions.none()
                : SignalSendOptions.deliveryId(deliveryId);
        SignalDeliveryResult result = engine.signal(runId, name, payload, options);
        if (result instanceof SignalDeliveryResult.InvalidPayload invalid) {
            throw new InvalidSignal(name, invalid.issues());
        }
        return SignalView.of(runId, name, result);
    }

    @SuppressWarnings("unchecked")
    private StartedView start(String flow, String body, String idempotencyKey) {
        FlowDefinition<?, ?> definition = engine.definition(flow);
        StartOptions options = idempotencyKey == null || idempotencyKey.isBlank() ? StartOptions.none()
                : StartOptions.none().withIdempotencyKey(idempotencyKey);
        Object input = input(definition, body);
        String runId = engine.flow((FlowDefinition<Object, ?>) definition).start(input, options);
        return new StartedView(runId, definition.name(), definition.version());
    }

    /** The body as the flow's input, refused with INPUT_INVALID in JSON terms, as the REST API does. */
    private static Object input(FlowDefinition<?, ?> definition, String body) {
        Type type = definition.inputType().type();
        boolean none = body.isBlank() || body.strip().equals("null");
        if (none && type == Void.class) {
            return null;
        }
        if (none) {
            throw new FlowException(FlowErrorCode.INPUT_INVALID, "the input is " + (body.isBlank() ? "empty"
                    : "JSON null") + "; flow " + definition + " takes " + JsonShapes.of(type));
        }
        try {
            return TypedJson.read(body, type);
        } catch (BodyProblem e) {
            throw new FlowException(FlowErrorCode.INPUT_INVALID, "the input is not valid for flow " + definition
                    + ": " + e.getMessage());
        }
    }

    private static String reason(String body) {
        if (body.isBlank()) {
            return null;
        }
        JsonValue value;
        try {
            value = StrictJson.read(body);
        } catch (BodyProblem e) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the cancel body must be empty or a JSON object"
                    + " such as {\"reason\": \"customer asked\"}: " + e.getMessage());
        }
        if (value instanceof JsonObject object && object.get("reason") instanceof JsonString text) {
            return text.getString().isBlank() ? null : text.getString();
        }
        if (value instanceof JsonObject object && !object.containsKey("reason")) {
            return null;
        }
        throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the cancel body must be empty or a JSON object"
                + " such as {\"reason\": \"customer asked\"}");
    }

    private static List<String> statuses(HttpServletRequest request) {
        String[] values = request.getParameterValues("status");
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** The request body as text, in the charset its Content-Type names (UTF-8 by default). */
    private static String body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the request body is larger than "
                    + MAX_BODY_BYTES + " bytes");
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the request body is larger than "
                    + MAX_BODY_BYTES + " bytes");
        }
        try {
            return BodyText.of(bytes, request.getContentType());
        } catch (BodyProblem e) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, e.getMessage());
        }
    }

    private static void send(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSONB.toJson(body));
    }

    private static void error(HttpServletResponse response, int status, String code, String message, String runId,
            List<String> issues) throws IOException {
        send(response, status, new ErrorBody(code, message, runId, issues));
    }

    private static String withoutCode(FlowException e) {
        String message = e.getMessage();
        String prefix = "[" + e.code().name() + "] ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** A signal payload that breaks what the flow declares, with the issues the engine found. */
    private static final class InvalidSignal extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient List<String> issues;

        InvalidSignal(String name, List<String> issues) {
            super("the payload of signal '" + name + "' does not fit what the flow declares; fix these issues and"
                    + " send it again: " + String.join("; ", issues));
            this.issues = List.copyOf(issues);
        }
    }
}
