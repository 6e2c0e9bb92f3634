package io.iterativeflow.it.tx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.api.StartRequest;

/**
 * Runs inside the server: container-managed JTA transactions ({@code @Transactional}) that write an order row through
 * the JTA data source and start runs in the same transaction, then commit or roll back as the path says. A rollback
 * answers 409 with the ids the starts returned, so the test can check that they never came to exist.
 */
@Path("orders")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class OrdersResource {

    @Inject
    FlowEngine engine;

    @POST
    @Path("{outcome}")
    @Consumes(MediaType.TEXT_PLAIN)
    @Transactional
    public Response place(@PathParam("outcome") String outcome, String order) {
        insertOrder(order);
        String runId = start(() -> engine.flow(ShippingFlow.class).start(order,
                StartOptions.none().withIdempotencyKey(order)));
        return finish(outcome, runId);
    }

    @POST
    @Path("bulk/{outcome}")
    @Consumes(MediaType.TEXT_PLAIN)
    @Transactional
    public Response placeAll(@PathParam("outcome") String outcome, String orders) {
        List<String> names = orders.lines().filter(line -> !line.isBlank()).toList();
        names.forEach(this::insertOrder);
        List<String> ids = start(() -> engine.flow(ShippingFlow.class)
                .startAll(names.stream().map(StartRequest::of).toList()));
        return finish(outcome, String.join("\n", ids));
    }

    /** The status of a run, read inside a JTA transaction: the engine's reads never join it. */
    @GET
    @Path("{runId}/status")
    @Transactional
    public Response status(@PathParam("runId") String runId) {
        return Response.ok(start(() -> engine.status(runId).status().dbName())).build();
    }

    private static Response finish(String outcome, String entity) {
        if ("rollback".equals(outcome)) {
            throw new WebApplicationException(Response.status(Response.Status.CONFLICT).entity(entity).build());
        }
        return Response.status(Response.Status.CREATED).entity(entity).build();
    }

    private void insertOrder(String order) {
        try (Connection connection = jtaDataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO public.it_tx_orders (order_name) VALUES (?)")) {
            insert.setString(1, order);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new WebApplicationException(Response.serverError().entity(e.toString()).build());
        }
    }

    /**
     * The JTA data source by the name the engine uses too. Looked up rather than injected: WildFly reads a
     * {@code @Resource} lookup without a {@code java:} prefix inside the component's {@code java:comp/env}.
     */
    private static DataSource jtaDataSource() {
        try {
            return InitialContext.doLookup("jdbc/flowTx");
        } catch (NamingException e) {
            throw new WebApplicationException(Response.serverError().entity(e.toString()).build());
        }
    }

    /** 503 while the engine is not ready (the test tries again); the transaction rolls back either way. */
    private static <T> T start(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (FlowException e) {
            Response.Status status = switch (e.code()) {
                case ENGINE_STOPPED, STORE_UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
                default -> Response.Status.INTERNAL_SERVER_ERROR;
            };
            throw new WebApplicationException(Response.status(status).entity(e.getMessage()).build());
        }
    }
}
