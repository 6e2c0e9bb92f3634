package io.iterativeflow.it.rest;

import static io.iterativeflow.it.rest.OrdersStory.approval;
import static io.iterativeflow.it.rest.OrdersStory.level;
import static io.iterativeflow.it.rest.OrdersStory.placeOrder;
import static io.iterativeflow.it.rest.OrdersStory.step;
import static io.iterativeflow.it.rest.OrdersStory.stock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
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
 * The orders example with an approval timeout of two seconds: an order nobody approves expires through its durable
 * signal timer, releases its stock, and a late approval is refused as expired.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrdersExpiryIT {

    private static final String CONFIG = """
            flow.rest.role=none
            flow.worker.poll-interval=200ms
            orders.approval.timeout=PT2S
            orders.inventory.busy-tries=0
            """;

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OrdersStory.war("ordersexpiry", CONFIG);
    }

    @Test
    void an_order_nobody_approves_expires_and_releases_its_stock() throws Exception {
        Http http = new Http(app);
        String sku = stock(http, 3);
        String orderId = "o-" + UUID.randomUUID();
        String runId = placeOrder(http, orderId, sku, 2);

        Answer result = http.get("runs/" + runId + "/result?timeout=90s");
        assertThat(result.json().getString("status")).as(result.body()).isEqualTo("completed");
        JsonObject outcome = result.json().getJsonObject("output");
        assertThat(outcome.getString("status")).isEqualTo("EXPIRED");
        assertThat(outcome.getString("reason")).contains("in time");

        JsonObject run = http.get("runs/" + runId).json();
        assertThat(step(run, "reserve-stock").getInt("attempts")).isEqualTo(1);
        assertThat(step(run, "release-stock").getInt("result")).isEqualTo(2);
        assertThat(run.getJsonArray("timers").toString()).contains("signal_timeout");
        assertThat(level(http, sku)).containsExactly(3, 0);

        Answer late = http.post(approval(runId), "{\"approved\": true, \"approver\": \"ada\"}");
        assertThat(late.json().getString("delivery")).as(late.body()).isEqualTo("expired");
    }
}
