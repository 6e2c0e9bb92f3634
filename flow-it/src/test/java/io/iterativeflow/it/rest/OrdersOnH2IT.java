package io.iterativeflow.it.rest;

import static io.iterativeflow.it.rest.OrdersStory.approval;
import static io.iterativeflow.it.rest.OrdersStory.awaitApproval;
import static io.iterativeflow.it.rest.OrdersStory.level;
import static io.iterativeflow.it.rest.OrdersStory.placeOrder;
import static io.iterativeflow.it.rest.OrdersStory.step;
import static io.iterativeflow.it.rest.OrdersStory.stock;
import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.it.rest.Http.Answer;
import io.iterativeflow.it.servers.LibertyServer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's first command in a test: the orders example on a Liberty server of its own with the reference
 * server.xml's defaults, that is on the embedded H2 database, with nothing but the server and the WAR. An order is
 * approved, ships through a child run and completes; a rejected one releases its stock.
 */
class OrdersOnH2IT {

    /** Nothing about the database: the server.xml's defaults choose H2, a file in the server's directory. */
    private static final String DEFAULTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <server/>
            """;

    @Test
    void the_orders_story_runs_on_the_embedded_database() throws Exception {
        try (LibertyServer server = LibertyServer.create("flowOrdersH2", 15,
                OrdersStory.war("orders", OrdersStory.CONFIG), List.of("-Dflow.instance-id=orders-h2"), DEFAULTS)) {
            server.start("orders/api/runs?limit=1");
            Http http = new Http(server.uri("orders/").toURL());

            String sku = stock(http, 5);
            String orderId = "o-" + UUID.randomUUID();
            String runId = placeOrder(http, orderId, sku, 2);
            JsonObject waiting = awaitApproval(http, runId);
            assertThat(step(waiting, "reserve-stock").getInt("attempts")).isEqualTo(2);
            assertThat(level(http, sku)).containsExactly(3, 2);

            Map<String, String> key = Map.of("Idempotency-Key", "approval-" + orderId);
            String body = "{\"approved\": true, \"approver\": \"ada\", \"comment\": \"fine\"}";
            assertThat(http.post(approval(runId), body, key).json().getString("delivery")).isEqualTo("delivered");
            assertThat(http.post(approval(runId), body, key).json().getString("delivery")).isEqualTo("duplicate");

            Answer result = http.get("runs/" + runId + "/result?timeout=90s");
            assertThat(result.json().getString("status")).as(result.body()).isEqualTo("completed");
            JsonObject outcome = result.json().getJsonObject("output");
            assertThat(outcome.getString("status")).isEqualTo("SHIPPED");
            String shippingRunId = outcome.getJsonObject("shipment").getString("shippingRunId");
            assertThat(http.get("runs/" + shippingRunId).json().getString("status")).isEqualTo("completed");

            String rejectedId = "o-" + UUID.randomUUID();
            String rejectedRun = placeOrder(http, rejectedId, sku, 1);
            awaitApproval(http, rejectedRun);
            assertThat(level(http, sku)).containsExactly(2, 3);
            http.post(approval(rejectedRun), "{\"approved\": false, \"approver\": \"bob\", \"comment\": \"no\"}");
            Answer rejected = http.get("runs/" + rejectedRun + "/result?timeout=90s");
            assertThat(rejected.json().getString("status")).as(rejected.body()).isEqualTo("completed");
            assertThat(rejected.json().getJsonObject("output").getString("status")).isEqualTo("REJECTED");
            assertThat(level(http, sku)).containsExactly(3, 2);

            assertThat(Files.exists(server.directory().resolve("data/flow.mv.db")))
                    .as("the H2 database file in the server's directory").isTrue();
            assertThat(server.messages()).doesNotContain("jdbc:postgresql");
        }
    }
}
