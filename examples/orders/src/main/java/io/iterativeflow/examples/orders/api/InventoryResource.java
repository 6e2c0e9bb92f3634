package io.iterativeflow.examples.orders.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.iterativeflow.examples.orders.inventory.Inventory;

/**
 * The example's own resource, for what the engine's REST module does not cover: the warehouse's stock, to see
 * reservations made and released by orders, and to restock an article.
 */
@Path("inventory")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    /** The body of {@code PUT /inventory/{sku}}. */
    public record Restock(Integer available) {
    }

    @Inject
    Inventory inventory;

    @GET
    @Path("{sku}")
    public Response level(@PathParam("sku") String sku) {
        return inventory.level(sku).map(level -> Response.ok(level).build())
                .orElseGet(() -> error(404, "SKU_UNKNOWN", "the warehouse does not carry '" + sku
                        + "'; add it with PUT /api/inventory/" + sku + " {\"available\": 10}"));
    }

    @PUT
    @Path("{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response restock(@PathParam("sku") String sku, Restock restock) {
        if (sku.isBlank() || sku.length() > 100) {
            return error(400, "ARGUMENT_INVALID", "a sku has 1 to 100 characters");
        }
        if (restock == null || restock.available() == null || restock.available() < 0) {
            return error(400, "ARGUMENT_INVALID", "send {\"available\": n} with n zero or more");
        }
        return Response.ok(inventory.restock(sku, restock.available())).build();
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("code", code).add("message", message)
                        .add("issues", Json.createArrayBuilder(List.of())).build())
                .build();
    }
}
