package io.iterativeflow.it.events;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowException;
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
import java.time.Duration;
import java.util.Collection;

/** Runs inside Liberty: starts runs, waits for them, tells what the observers heard, and works the slow one's gate. */
@Path("events")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class EventsResource {

    @Inject
    FlowEngine engine;

    @Inject
    EventLog log;

    @POST
    @Path("runs/{flow}")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response start(@PathParam("flow") String flow, String input) {
        try {
            return Response.status(Response.Status.CREATED)
                    .entity(engine.flow(flow, String.class, String.class).start(input)).build();
        } catch (FlowException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(e.getMessage()).build();
        }
    }

    @GET
    @Path("runs/{flow}/{runId}/result")
    public Response result(@PathParam("flow") String flow, @PathParam("runId") String runId) {
        try {
            return Response.ok(engine.flow(flow, String.class, String.class).result(runId, Duration.ofSeconds(30)))
                    .build();
        } catch (FlowException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(e.getMessage()).build();
        }
    }

    /** One of {@code all}, {@code heard-completed}, {@code async-completed}, {@code threads}, {@code step-threads}. */
    @GET
    @Path("heard/{list}")
    public String heard(@PathParam("list") String list) {
        Collection<String> lines = "step-threads".equals(list) ? HeardFlow.STEP_THREADS : log.heard(list);
        return String.join("\n", lines);
    }

    @POST
    @Path("gate/close")
    public void closeGate() {
        MisbehavingObservers.closeGate();
    }

    @POST
    @Path("gate/open")
    public void openGate() {
        MisbehavingObservers.openGate();
    }

    @GET
    @Path("gate")
    public String gate() {
        return MisbehavingObservers.blocking() ? "blocking" : "open";
    }
}
