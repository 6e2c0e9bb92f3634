package io.iterativeflow.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.rest.Http.Answer;

/** The orders example's WAR and the HTTP calls its story is made of, for the tests that walk through it. */
final class OrdersStory {

    /** The example's settings for the story tests: open API, quick polls, a busy warehouse once, a quick pickup. */
    static final String CONFIG = """
            flow.rest.role=none
            flow.worker.poll-interval=200ms
            orders.approval.timeout=PT10M
            orders.shipping.pickup-delay=PT1S
            orders.inventory.busy-tries=1
            """;

    private OrdersStory() {
    }

    /** The example's classes with flow-rest, and {@code config} as the application's MicroProfile Config. */
    static WebArchive war(String name, String config) {
        return Deployments.withRestApi(Deployments.war(name))
                .addPackages(true, "io.iterativeflow.examples.orders")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    static String stock(Http http, int units) throws Exception {
        String sku = "sku-" + UUID.randomUUID();
        Answer stocked = http.put("inventory/" + sku, "{\"available\": " + units + "}");
        assertThat(stocked.status()).as(stocked.body()).isEqualTo(200);
        return sku;
    }

    static String placeOrder(Http http, String orderId, String sku, int quantity) throws Exception {
        String order = "{\"orderId\": \"" + orderId + "\", \"customer\": \"Ada\", \"email\": \"ada@example.org\","
                + " \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}]}";
        Answer started = http.post("flows/order/runs", order, Map.of("Idempotency-Key", orderId));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().getString("runId");
    }

    static JsonObject awaitApproval(Http http, String runId) {
        JsonObject[] run = new JsonObject[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            run[0] = http.get("runs/" + runId).json();
            assertThat(run[0].getString("status")).isEqualTo("awaiting_signal");
        });
        return run[0];
    }

    static String approval(String runId) {
        return "runs/" + runId + "/signals/approval";
    }

    static JsonObject step(JsonObject run, String name) {
        return run.getJsonArray("steps").stream().map(JsonValue::asJsonObject)
                .filter(step -> step.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + run));
    }

    static List<Integer> level(Http http, String sku) throws Exception {
        JsonObject level = http.get("inventory/" + sku).json();
        return List.of(level.getInt("available"), level.getInt("reserved"));
    }
}
