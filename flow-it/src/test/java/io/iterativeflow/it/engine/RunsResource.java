package io.iterativeflow.it.engine;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowException;

/** Runs inside Liberty: starts {@link TwoStepFlow} runs through the injected engine and reports their status. */
@Path("runs")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class RunsResource {

    @Inject
    FlowEngine engine;

    /** Starts a run with the request body as input; answers 201 with the run id. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public Response start(String name) {
        try {
            String runId = engine.flow(TwoStepFlow.class).start(name);
            return Response.status(Response.Status.CREATED).entity(runId).build();
        } catch (FlowException e) {
            return failure(e);
        }
    }

    /** The run's status as stored ({@code pending}, ..., {@code completed}). */
    @GET
    @Path("{runId}/status")
    public Response status(@PathParam("runId") String runId) {
        try {
            return Response.ok(engine.status(runId).status().dbName()).build();
        } catch (FlowException e) {
            return failure(e);
        }
    }

    /** 503 while the engine is not ready (the test tries again), 404 for an unknown run, else 500; the message as body. */
    private static Response failure(FlowException e) {
        Response.Status status = switch (e.code()) {
            case ENGINE_STOPPED, STORE_UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
            case RUN_NOT_FOUND -> Response.Status.NOT_FOUND;
            default -> Response.Status.INTERNAL_SERVER_ERROR;
        };
        return Response.status(status).entity(e.getMessage()).build();
    }
}
