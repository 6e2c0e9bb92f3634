package io.iterativeflow.it.rest;

import static io.iterativeflow.it.rest.OrdersStory.approval;
import static io.iterativeflow.it.rest.OrdersStory.awaitApproval;
import static io.iterativeflow.it.rest.OrdersStory.level;
import static io.iterativeflow.it.rest.OrdersStory.placeOrder;
import static io.iterativeflow.it.rest.OrdersStory.step;
import static io.iterativeflow.it.rest.OrdersStory.stock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.iterativeflow.it.rest.Http.Answer;

/**
 * The orders example's whole story over HTTP, on Liberty with the example's own classes: an order reserves stock
 * (its first try refused as busy, so retried), waits for its approval signal, ships through a child run and
 * completes; a rejected order releases its stock; a waiting order is canceled; an order that cannot be served ends
 * out of stock.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrdersExampleIT {

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OrdersStory.war("orders", OrdersStory.CONFIG);
    }

    @Test
    void an_approved_order_ships_through_a_child_run_and_completes() throws Exception {
        Http http = new Http(app);
        String sku = stock(http, 5);
        String orderId = "o-" + UUID.randomUUID();
        String runId = placeOrder(http, orderId, sku, 2);

        JsonObject waiting = awaitApproval(http, runId);
        assertThat(step(waiting, "reserve-stock").getInt("attempts")).isEqualTo(2);
        assertThat(level(http, sku)).containsExactly(3, 2);

        Answer invalid = http.post(approval(runId), "{\"approved\": true, \"approver\": \"\"}");
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.json().getString("code")).isEqualTo("SIGNAL_PAYLOAD_INVALID");
        assertThat(invalid.json().getJsonArray("issues").toString()).contains("approver");

        Map<String, String> key = Map.of("Idempotency-Key", "approval-" + orderId);
        String body = "{\"approved\": true, \"approver\": \"ada\", \"comment\": \"fine\"}";
        Answer approved = http.post(approval(runId), body, key);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().getString("delivery")).isEqualTo("delivered");
        assertThat(http.post(approval(runId), body, key).json().getString("delivery")).isEqualTo("duplicate");

        Answer result = http.get("runs/" + runId + "/result?timeout=90s");
        assertThat(result.json().getString("status")).as(result.body()).isEqualTo("completed");
        JsonObject outcome = result.json().getJsonObject("output");
        assertThat(outcome.getString("status")).isEqualTo("SHIPPED");
        assertThat(outcome.getString("approver")).isEqualTo("ada");
        assertThat(outcome.getString("notificationId")).startsWith("mail-");
        String shippingRunId = outcome.getJsonObject("shipment").getString("shippingRunId");

        JsonObject children = http.get("runs?name=shipping&tag=order-" + orderId).json();
        assertThat(children.getJsonArray("items")).hasSize(1);
        JsonObject child = children.getJsonArray("items").getJsonObject(0);
        assertThat(child.getString("runId")).isEqualTo(shippingRunId);
        assertThat(child.getString("status")).isEqualTo("completed");
        JsonObject shipping = http.get("runs/" + shippingRunId).json();
        assertThat(step(shipping, "book-carrier").getString("result"))
                .startsWith(outcome.getJsonObject("shipment").getString("carrier") + "/");
        assertThat(level(http, sku)).containsExactly(3, 2);
        assertThat(http.post(approval(runId), body).json().getString("delivery")).isEqualTo("expired");
    }

    @Test
    void a_rejected_order_releases_its_stock_and_says_why() throws Exception {
        Http http = new Http(app);
        String sku = stock(http, 4);
        String runId = placeOrder(http, "o-" + UUID.randomUUID(), sku, 3);
        awaitApproval(http, runId);
        assertThat(level(http, sku)).containsExactly(1, 3);

        Answer rejected = http.post(approval(runId),
                "{\"approved\": false, \"approver\": \"grace\", \"comment\": \"customer called\"}");
        assertThat(rejected.json().getString("delivery")).as(rejected.body()).isEqualTo("delivered");

        Answer result = http.get("runs/" + runId + "/result?timeout=90s");
        assertThat(result.json().getString("status")).as(result.body()).isEqualTo("completed");
        JsonObject outcome = result.json().getJsonObject("output");
        assertThat(outcome.getString("status")).isEqualTo("REJECTED");
        assertThat(outcome.getString("reason")).contains("customer called");
        assertThat(outcome.containsKey("shipment")).as("no shipment").isFalse();
        assertThat(step(http.get("runs/" + runId).json(), "release-stock").getInt("result")).isEqualTo(3);
        assertThat(level(http, sku)).containsExactly(4, 0);
        assertThat(http.get("runs?name=shipping&tag=order-" + outcome.getString("orderId")).json()
                .getJsonArray("items")).isEmpty();
    }

    @Test
    void a_waiting_order_is_canceled_and_a_late_approval_expires() throws Exception {
        Http http = new Http(app);
        String sku = stock(http, 2);
        String runId = placeOrder(http, "o-" + UUID.randomUUID(), sku, 1);
        awaitApproval(http, runId);

        Answer canceled = http.post("runs/" + runId + "/cancel", "{\"reason\": \"duplicate order\"}");
        assertThat(canceled.json().getBoolean("canceled")).as(canceled.body()).isTrue();

        Answer result = http.get("runs/" + runId + "/result?timeout=10s");
        assertThat(result.json().getString("status")).isEqualTo("canceled");
        Answer late = http.post(approval(runId), "{\"approved\": true, \"approver\": \"ada\"}");
        assertThat(late.json().getString("delivery")).as(late.body()).isEqualTo("expired");
    }

    @Test
    void an_order_for_more_than_the_stock_ends_out_of_stock_and_reserves_nothing() throws Exception {
        Http http = new Http(app);
        String sku = stock(http, 1);
        String runId = placeOrder(http, "o-" + UUID.randomUUID(), sku, 2);

        Answer result = http.get("runs/" + runId + "/result?timeout=90s");
        assertThat(result.json().getString("status")).as(result.body()).isEqualTo("completed");
        assertThat(result.json().getJsonObject("output").getString("status")).isEqualTo("OUT_OF_STOCK");
        assertThat(level(http, sku)).containsExactly(1, 0);
    }
}
