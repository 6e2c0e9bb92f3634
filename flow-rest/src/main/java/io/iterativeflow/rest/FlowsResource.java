package io.iterativeflow.rest;

import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.api.StartOutcome;
import io.iterativeflow.rest.internal.Answers;
import io.iterativeflow.rest.internal.BodyProblem;
import io.iterativeflow.rest.internal.BodyText;
import io.iterativeflow.rest.internal.FlowRestSecured;
import io.iterativeflow.rest.internal.JsonShapes;
import io.iterativeflow.rest.internal.Params;
import io.iterativeflow.rest.internal.StartedView;
import io.iterativeflow.rest.internal.TypedJson;

/** {@code POST /flows/{name}/runs}: starts a run of the newest deployed version of a flow. */
@Path("flows")
@RequestScoped
@FlowRestSecured
@Produces(MediaType.APPLICATION_JSON)
public class FlowsResource {

    @Inject
    FlowEngine engine;

    /**
     * Starts a run with the request body (JSON) as its input. The {@code Idempotency-Key} header makes a repeated
     * request return the run the first one started; {@code tags} (repeated or comma-separated), {@code priority},
     * {@code delay} (such as {@code 10m}) and {@code concurrencyKey} are the start options. Answers 201 with the run id when the run was
     * created, 200 when the idempotency key found an existing run; 400 {@code INPUT_INVALID} with {@code issues} when
     * the input breaks its type's Bean Validation constraints.
     */
    @POST
    @Path("{name}/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("name") String name, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @QueryParam("tags") List<String> tags, @QueryParam("priority") String priority,
            @QueryParam("delay") String delay, @QueryParam("concurrencyKey") String concurrencyKey,
            @HeaderParam("Content-Type") String contentType, byte[] body, @Context UriInfo uri) {
        try {
            FlowDefinition<?, ?> definition = engine.definition(name);
            StartOptions options = options(idempotencyKey, tags, priority, delay, concurrencyKey);
            StartOutcome outcome = start(definition, readInput(definition, BodyText.of(body, contentType)), options);
            StartedView view = new StartedView(outcome.runId(), definition.name(), definition.version());
            if (!outcome.created()) {
                return Response.ok(view).build();
            }
            URI location = uri.getBaseUriBuilder().path("runs").path(outcome.runId()).build();
            return Response.created(location).entity(view).build();
        } catch (FlowException e) {
            return Answers.failure(e);
        } catch (BodyProblem e) {
            return Answers.body(e, FlowErrorCode.INPUT_INVALID);
        } catch (IllegalArgumentException e) {
            return Answers.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            return Answers.unexpected(e);
        }
    }

    @SuppressWarnings("unchecked")
    private StartOutcome start(FlowDefinition<?, ?> definition, Object input, StartOptions options) {
        FlowHandle<Object, ?> handle = engine.flow((FlowDefinition<Object, ?>) definition);
        return handle.startWithOutcome(input, options);
    }

    /** The body as the flow's input; INPUT_INVALID, in JSON terms, when it is none. */
    private static Object readInput(FlowDefinition<?, ?> definition, String body) {
        Type type = definition.inputType().type();
        boolean none = body.isBlank() || body.strip().equals("null");
        if (none && type == Void.class) {
            return null;
        }
        if (none) {
            throw new FlowException(FlowErrorCode.INPUT_INVALID, "the request body is " + (body.isBlank() ? "empty"
                    : "JSON null") + "; send the input of flow " + definition + " as JSON: " + JsonShapes.of(type));
        }
        try {
            return TypedJson.read(body, type);
        } catch (BodyProblem e) {
            throw new FlowException(FlowErrorCode.INPUT_INVALID, "the request body is not a valid input of flow "
                    + definition + ": " + e.getMessage());
        }
    }

    private static StartOptions options(String idempotencyKey, List<String> tags, String priority, String delay,
            String concurrencyKey) {
        StartOptions options = StartOptions.none();
        if (idempotencyKey != null) {
            options = options.withIdempotencyKey(idempotencyKey);
        }
        List<String> allTags = new ArrayList<>();
        for (String tag : tags) {
            for (String part : tag.split(",")) {
                if (!part.isBlank()) {
                    allTags.add(part.strip());
                }
            }
        }
        if (!allTags.isEmpty()) {
            options = options.withTags(allTags.toArray(String[]::new));
        }
        if (priority != null) {
            options = options.withPriority(Params.integer("priority", priority));
        }
        if (delay != null) {
            Duration parsed = Params.duration("delay", delay);
            options = options.withDelay(parsed);
        }
        if (concurrencyKey != null) {
            options = options.withConcurrencyKey(concurrencyKey);
        }
        return options;
    }
}
