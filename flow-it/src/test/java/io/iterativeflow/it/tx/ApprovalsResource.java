package io.iterativeflow.it.tx;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.SignalDeliveryResult;

/** Starts approval runs, and sends their decision inside a container-managed transaction that commits or not. */
@Path("approvals")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ApprovalsResource {

    @Inject
    FlowEngine engine;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public Response start(String order) {
        try {
            return Response.status(Response.Status.CREATED).entity(engine.flow(ApprovalFlow.class).start(order))
                    .build();
        } catch (FlowException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(e.getMessage()).build();
        }
    }

    /** Sends {@code decision} to the run named in the body; {@code rollback} then fails the transaction. */
    @POST
    @Path("{runId}/{outcome}")
    @Consumes(MediaType.TEXT_PLAIN)
    @Transactional
    public Response decide(@PathParam("runId") String runId, @PathParam("outcome") String outcome, String decision) {
        SignalDeliveryResult result = engine.signal(runId, ApprovalFlow.DECISION, decision);
        String kind = result.getClass().getSimpleName();
        if ("rollback".equals(outcome)) {
            throw new WebApplicationException(Response.status(Response.Status.CONFLICT).entity(kind).build());
        }
        return Response.ok(kind).build();
    }
}
