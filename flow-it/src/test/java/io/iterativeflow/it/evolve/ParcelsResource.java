package io.iterativeflow.it.evolve;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Starts a run of flow {@code parcel}; answers 201 with its id (503 while the engine is not ready). */
@Path("parcels")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ParcelsResource {

    @Inject
    FlowEngine engine;

    @POST
    public Response start() {
        try {
            return Response.status(Response.Status.CREATED)
                    .entity(engine.flow("parcel", String.class, String.class).start("p-1")).build();
        } catch (FlowException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(e.getMessage()).build();
        }
    }
}
