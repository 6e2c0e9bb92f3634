package io.iterativeflow.rest;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.ConfigProvider;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RetryResult;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunSignalResult;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.api.SignalSendOptions;
import io.iterativeflow.rest.internal.Answers;
import io.iterativeflow.rest.internal.BodyProblem;
import io.iterativeflow.rest.internal.BodyText;
import io.iterativeflow.rest.internal.BulkSignalRequest;
import io.iterativeflow.rest.internal.BulkSignalView;
import io.iterativeflow.rest.internal.CancelView;
import io.iterativeflow.rest.internal.FlowRestSecured;
import io.iterativeflow.rest.internal.Params;
import io.iterativeflow.rest.internal.ResultView;
import io.iterativeflow.rest.internal.RetryView;
import io.iterativeflow.rest.internal.RunPageView;
import io.iterativeflow.rest.internal.RunQueries;
import io.iterativeflow.rest.internal.RunView;
import io.iterativeflow.rest.internal.SignalPayloads;
import io.iterativeflow.rest.internal.SignalView;
import io.iterativeflow.rest.internal.StrictJson;

/** {@code /runs}: listing, a run's details, its result (waiting for it), signals, cancel and retry. */
@Path("runs")
@RequestScoped
@FlowRestSecured
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    @Inject
    FlowEngine engine;

    /**
     * One page of runs, newest first: {@code name} (flow), {@code status} (repeated or comma-separated), {@code tag},
     * {@code limit} (1 to 500, default 50) and {@code cursor} (the {@code nextCursor} of the previous page).
     */
    @GET
    public Response list(@QueryParam("name") String name, @QueryParam("status") List<String> statuses,
            @QueryParam("tag") String tag, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        try {
            return Response.ok(RunPageView.of(engine.listRuns(RunQueries.of(name, statuses, tag, limit, cursor))))
                    .build();
        } catch (FlowException e) {
            return Answers.failure(e);
        } catch (RuntimeException e) {
            return Answers.unexpected(e);
        }
    }

    /** The run with its input, output, error, steps, timers and events; 404 when there is no such run. */
    @GET
    @Path("{runId}")
    public Response run(@PathParam("runId") String runId) {
        try {
            return Response.ok(RunView.of(engine.status(runId))).build();
        } catch (FlowException e) {
            return Answers.failure(e);
        } catch (RuntimeException e) {
            return Answers.unexpected(e);
        }
    }

    /**
     * Waits up to {@code timeout} (default 30s, at most {@value FlowRestKeys#MAX_WAIT_DEFAULT} unless
     * {@link FlowRestKeys#MAX_WAIT} says otherwise) for the run to end. 200 with the output or the error once it
     * ended; 202 with its current status when the wait ran out first.
     */
    @GET
    @Path("{runId}/result")
    public Response result(@PathParam("runId") String runId, @QueryParam("timeout") String timeout) {
        try {
            Duration wait = wait(timeout);
            RunInfo run = engine.status(runId);
            if (!run.status().isTerminal()) {
                run = awaitEnd(run, wait);
            }
            ResultView view = ResultView.of(run);
            return Response.status(view.terminal() ? 200 : 202).entity(view).build();
        } catch (FlowException e) {
            return Answers.failure(e);
        } catch (RuntimeException e) {
            return Answers.unexpected(e);
        }
    }

    /**
     * Cancels the run; a running step is interrupted. The optional JSON body {@code {"reason": "..."}} is recorded.
     * Answers 200 with {@code canceled: false} when the run had already ended.
     */
    @POST
    @Path("{runId}/cancel")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response cancel(@PathParam("runId") String runId, @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        try {
            boolean canceled = engine.cancel(runId, reason(BodyText.of(body, contentType)));
            return Response.ok(new CancelView(runId, canceled, engine.status(runId).status().dbName())).build();
        } catch (FlowException e) {
            return Answers.failure(e);
        } catch (BodyProblem e) {
            return Answers.body(e, FlowErrorCode.ARGUMENT_INVALID);
        } catch (RuntimeException e) {
            return Answers.unexpected(e);
        }
    }

    /**
     * Sends the signal {@code name} with the JSON body as its payload, read as the type the flow declares for it. The
     * {@code Idempotency-Key} header is the delivery id: a repeated send answers {@code duplicate}. Answers 200 with
     * the delivery ({@code delivered}, {@code buffered}, {@code duplicate}, {@code expired}); 400 with code
     * SIGNAL_PAYLOAD_INVALID and the issues when the payload breaks the declaration.
     */
    @POST
    @Path("{runId}/signals/{name}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response signal(@PathParam("runId") String runId, @PathParam("name") String name,
            @HeaderParam("Idempotency-Key") String deliveryId, @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        try {
            String text = BodyText.of(body, contentType);
            RunInfo run = engine.status(runId);
            Object payload = SignalPayloads.read(engine, run, name, text);
            SignalDeliveryResult result = engine.signal(runId, name, payload, sendOptions(deliveryId));
            if (result instanceof SignalDeliveryResult.InvalidPayload invalid) {
                return invalidPayload(runId, name, invalid.issues());
            }
            return Response.ok(SignalView.of(runId, name, result)).build();
        } catch (SignalPayloads.Unreadable e) {
            return invalidPayload(runId, name, e.issues());
        } catch (FlowException e) {
            return Answers.failure(e);
        } catch (BodyProblem e) {
            return Answers.body(e, FlowErrorCode.SIGNAL_PAYLOAD_INVALID);
        } catch (IllegalArgumentException e) {
            return Answers.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            return Answers.unexpected(e);
        }
    }

    /**
     * Sends one signal to many runs in one transaction: the JSON body {@code {"runIds": [...], "name": "...",
     * "payload": ...}} (at most {@value FlowEngine#MAX_BULK_SIGNAL_RUNS} ids). The payload is read as the type that
     * the flow of the first listed run that exists declares for the signal; runs whose flow declares another type
     * answer {@code invalid_payload}. The {@code Idempotency-Key} header is the delivery id, for each run. Answers 200
     * with a result per run (unknown runs: {@code not_found}); a bad body or list is 400 {@code ARGUMENT_INVALID}
     * before anything is written, a payload that cannot be read as the declared type 400
     * {@code SIGNAL_PAYLOAD_INVALID}.
     */
    @POST
    @Path("signals")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response signalAll(@HeaderParam("Idempotency-Key") String deliveryId,
            @HeaderParam("Content-Type") String contentType, byte[] body) {
        String name = null;
        try {
            BulkSignalRequest request = BulkSignalRequest.parse(BodyText.of(body, contentType));
            name = request.name();
            Object payload = bulkPayload(request);
            List<RunSignalResult> results = engine.signalAll(request.runIds(), request.name(), payload,
                    sendOptions(deliveryId));
            return Response.ok(BulkSignalView.of(request.name(), results)).build();
        } catch (SignalPayloads.Unreadable e) {
            return invalidPayload(null, name, e.issues());
        } catch (FlowException e) {
            return Answers.failure(e);
        } catch (BodyProblem e) {
            return Answers.body(e, FlowErrorCode.ARGUMENT_INVALID);
        } catch (IllegalArgumentException e) {
            return Answers.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            return Answers.unexpected(e);
        }
    }

    /**
     * The payload of a bulk signal, read as the first existing run's flow declares it; as plain JSON when none of
     * the runs exists (each then answers {@code not_found}).
     */
    private Object bulkPayload(BulkSignalRequest request) {
        for (String runId : request.runIds()) {
            RunInfo run;
            try {
                run = engine.status(runId);
            } catch (FlowException e) {
                if (e.code() == FlowErrorCode.RUN_NOT_FOUND || e.code() == FlowErrorCode.ARGUMENT_INVALID) {
                    continue;
                }
                throw e;
            }
            return SignalPayloads.read(engine, run, request.name(), request.payload());
        }
        return null;
    }

    /**
     * Retries a failed run (see {@link FlowEngine#retry(String)}). Answers 200 with {@code retried}, or with
     * {@code not_failed} and the status when the run is not failed; 404 when there is no such run.
     */
    @POST
    @Path("{runId}/retry")
    public Response retry(@PathParam("runId") String runId) {
        try {
            RetryResult result = engine.retry(runId);
            if (result instanceof RetryResult.NotFound) {
                throw new FlowException(FlowErrorCode.RUN_NOT_FOUND, "no run with id " + runId
                        + "; it never existed or retention removed it", runId, null);
            }
            String status = result instanceof RetryResult.Retried ? engine.status(runId).status().dbName() : null;
            return Response.ok(RetryView.of(result, status)).build();
        } catch (FlowException e) {
            return Answers.failure(e);
        } catch (RuntimeException e) {
            return Answers.unexpected(e);
        }
    }

    private static SignalSendOptions sendOptions(String deliveryId) {
        return deliveryId == null ? SignalSendOptions.none() : SignalSendOptions.deliveryId(deliveryId);
    }

    private static Response invalidPayload(String runId, String name, List<String> issues) {
        return Answers.error(400, FlowErrorCode.SIGNAL_PAYLOAD_INVALID.name(), "the payload of signal '" + name
                + "' does not fit what the flow declares; fix these issues and send it again: "
                + String.join("; ", issues), runId, issues);
    }

    private RunInfo awaitEnd(RunInfo run, Duration wait) {
        try {
            engine.flow(engine.definition(run.flowName())).result(run.runId(), wait);
        } catch (FlowException ended) {
            // a failed or canceled run, or the wait ran out: either way the status below tells which
            if (ended.code() == FlowErrorCode.FLOW_UNKNOWN || ended.code() == FlowErrorCode.STORE_UNAVAILABLE) {
                throw ended;
            }
        }
        return engine.status(run.runId());
    }

    private static Duration wait(String timeout) {
        Duration max = Params.duration(FlowRestKeys.MAX_WAIT, ConfigProvider.getConfig()
                .getOptionalValue(FlowRestKeys.MAX_WAIT, String.class).orElse(FlowRestKeys.MAX_WAIT_DEFAULT));
        if (timeout == null || timeout.isBlank()) {
            return DEFAULT_WAIT.compareTo(max) < 0 ? DEFAULT_WAIT : max;
        }
        Duration wait = Params.duration("timeout", timeout);
        if (wait.isNegative() || wait.compareTo(max) > 0) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "query parameter 'timeout' must be between 0 and "
                    + max + " (" + FlowRestKeys.MAX_WAIT + "), got " + timeout);
        }
        return wait;
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
            return text.getString();
        }
        if (value instanceof JsonObject object && !object.containsKey("reason")) {
            return null;
        }
        throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the cancel body must be empty or a JSON object"
                + " such as {\"reason\": \"customer asked\"}");
    }
}
