package io.iterativeflow.rest;

import java.io.StringReader;
import java.time.Duration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.rest.internal.Answers;
import io.iterativeflow.rest.internal.CancelView;
import io.iterativeflow.rest.internal.FlowRestSecured;
import io.iterativeflow.rest.internal.Params;
import io.iterativeflow.rest.internal.ResultView;
import io.iterativeflow.rest.internal.RunView;

/** {@code /runs/{id}}: a run's details, its result (waiting for it), and cancel. */
@Path("runs")
@RequestScoped
@FlowRestSecured
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    @Inject
    FlowEngine engine;

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
    public Response cancel(@PathParam("runId") String runId, String body) {
        try {
            boolean canceled = engine.cancel(runId, reason(body));
            return Response.ok(new CancelView(runId, canceled, engine.status(runId).status().dbName())).build();
        } catch (FlowException e) {
            return Answers.failure(e);
        } catch (RuntimeException e) {
            return Answers.unexpected(e);
        }
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
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object && object.get("reason") instanceof JsonString text) {
                return text.getString();
            }
            if (value instanceof JsonObject object && !object.containsKey("reason")) {
                return null;
            }
        } catch (JsonParsingException e) {
            // falls through to the message below
        }
        throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the cancel body must be empty or a JSON object"
                + " such as {\"reason\": \"customer asked\"}");
    }
}
