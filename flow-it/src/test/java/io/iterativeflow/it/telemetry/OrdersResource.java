package io.iterativeflow.it.telemetry;

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

/** Runs inside Liberty: starts {@link TracedOrderFlow} runs in the request's trace and reports their status. */
@Path("orders")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class OrdersResource {

    @Inject
    FlowEngine engine;

    /** Starts a run with the request body as input; answers 201 with the run id. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public Response start(String item) {
        try {
            return Response.status(Response.Status.CREATED).entity(engine.flow(TracedOrderFlow.class).start(item))
                    .build();
        } catch (FlowException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(e.getMessage()).build();
        }
    }

    /** 200 once the application is up. */
    @GET
    @Path("ready")
    public String ready() {
        return "ready";
    }

    /** The run's status as stored ({@code pending}, ..., {@code completed}). */
    @GET
    @Path("{runId}")
    public Response status(@PathParam("runId") String runId) {
        try {
            return Response.ok(engine.status(runId).status().dbName()).build();
        } catch (FlowException e) {
            return Response.status(Response.Status.NOT_FOUND).entity(e.getMessage()).build();
        }
    }
}
