package io.iterativeflow.examples.hello.api;

import java.net.URI;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.examples.hello.Greeting;
import io.iterativeflow.examples.hello.GreetingFlow;
import io.iterativeflow.examples.hello.GreetingRequest;

/** Starts greeting runs and reports on them. Errors become JSON in {@link FlowExceptionMapper}. */
@Path("greetings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GreetingResource {

    @Inject
    FlowEngine engine;

    @Context
    UriInfo uriInfo;

    /** Starts a run; a repeated {@code Idempotency-Key} returns the first run instead of starting another. */
    @POST
    public Response start(GreetingRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (request == null) {
            throw new FlowException(FlowErrorCode.INPUT_INVALID,
                    "send a JSON body such as {\"name\": \"Ada\", \"language\": \"en\"}");
        }
        String runId = greetings().start(request, options(idempotencyKey));
        URI status = uriInfo.getAbsolutePathBuilder().path(runId).build();
        URI result = uriInfo.getAbsolutePathBuilder().path(runId).path("result").build();
        return Response.created(status).entity(new StartedRun(runId, status, result)).build();
    }

    @GET
    @Path("{runId}")
    public RunView status(@PathParam("runId") String runId) {
        return RunView.of(engine.status(runId));
    }

    /** Waits up to {@code timeout} for the run to finish; 202 when it has not finished by then. */
    @GET
    @Path("{runId}/result")
    public Greeting result(@PathParam("runId") String runId,
            @QueryParam("timeout") @DefaultValue("5s") String timeout) {
        return greetings().result(runId, Timeouts.parse(timeout));
    }

    private FlowHandle<GreetingRequest, Greeting> greetings() {
        return engine.flow(GreetingFlow.class);
    }

    private static StartOptions options(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return StartOptions.none();
        }
        try {
            return StartOptions.none().withIdempotencyKey(idempotencyKey);
        } catch (IllegalArgumentException e) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "Idempotency-Key: " + e.getMessage(), e);
        }
    }
}
