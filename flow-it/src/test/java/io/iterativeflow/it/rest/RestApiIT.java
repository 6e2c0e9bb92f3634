package io.iterativeflow.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.rest.Http.Answer;

/**
 * The REST module inside Liberty, over HTTP: start, inspect, wait for and cancel runs, and the JSON errors of bad
 * requests. This WAR turns the role check off; {@link RestSecurityIT} tests it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestApiIT {

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withRestApi(Deployments.war("rest", RestApplication.class, ParcelFlow.class,
                ParcelFlow.Parcel.class, ParcelFlow.Quote.class))
                .addAsResource(new StringAsset("flow.rest.role=none\n"), "META-INF/microprofile-config.properties");
    }

    @Test
    void a_run_started_over_http_completes_and_its_result_and_steps_are_served_as_json() throws Exception {
        Http http = new Http(app);
        String parcelId = UUID.randomUUID().toString();

        Answer started = http.post("flows/it-parcel/runs?tags=rest,it", parcel(parcelId, 1500, false));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String runId = started.json().getString("runId");
        assertThat(started.json().getInt("version")).isEqualTo(2);
        assertThat(started.header("Location")).endsWith("/api/runs/" + runId);

        Answer result = http.get("runs/" + runId + "/result?timeout=60s");
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        JsonObject output = result.json().getJsonObject("output");
        assertThat(result.json().getString("status")).isEqualTo("completed");
        assertThat(output.getString("parcelId")).isEqualTo(parcelId);
        assertThat(output.getInt("cents")).isEqualTo(ParcelFlow.price(1500));

        JsonObject run = http.get("runs/" + runId).json();
        assertThat(run.getString("flow")).isEqualTo("it-parcel");
        assertThat(run.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactlyInAnyOrder("rest", "it");
        assertThat(run.getJsonObject("input").getInt("grams")).isEqualTo(1500);
        assertThat(run.getJsonArray("steps")).hasSize(2);
        assertThat(run.getJsonArray("steps").getJsonObject(0).getString("cursorKey")).isEqualTo("weigh");
        assertThat(run.getJsonArray("steps").getJsonObject(0).getInt("result")).isEqualTo(1500);
        assertThat(run.getJsonArray("events")).isNotEmpty();
    }

    @Test
    void the_same_idempotency_key_returns_the_same_run() throws Exception {
        Http http = new Http(app);
        Map<String, String> key = Map.of("Idempotency-Key", "parcel-" + UUID.randomUUID());
        String body = parcel(UUID.randomUUID().toString(), 10, false);

        String first = http.post("flows/it-parcel/runs", body, key).json().getString("runId");
        String second = http.post("flows/it-parcel/runs", body, key).json().getString("runId");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void a_waiting_run_is_canceled_and_its_result_says_so() throws Exception {
        Http http = new Http(app);
        String runId = http.post("flows/it-parcel/runs", parcel("held", 200, true)).json().getString("runId");

        Answer pending = http.get("runs/" + runId + "/result?timeout=0s");
        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
        assertThat(pending.json().getBoolean("terminal")).isFalse();

        Answer canceled = http.post("runs/" + runId + "/cancel", "{\"reason\": \"customer changed their mind\"}");
        assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
        assertThat(canceled.json().getBoolean("canceled")).isTrue();
        assertThat(canceled.json().getString("status")).isEqualTo("canceled");

        Answer result = http.get("runs/" + runId + "/result");
        assertThat(result.json().getString("status")).isEqualTo("canceled");
        assertThat(result.json().getJsonObject("error").getString("message")).contains("customer changed");
        assertThat(http.post("runs/" + runId + "/cancel", null).json().getBoolean("canceled")).isFalse();
    }

    @Test
    void bad_requests_get_json_errors_with_a_code_and_no_stack_trace() throws Exception {
        Http http = new Http(app);

        expectError(http.post("flows/no-such-flow/runs", "{}"), 404, "FLOW_UNKNOWN");
        expectError(http.post("flows/it-parcel/runs", "{not json"), 400, "INPUT_INVALID");
        expectError(http.post("flows/it-parcel/runs", ""), 400, "INPUT_INVALID");
        expectError(http.post("flows/it-parcel/runs?delay=soon", parcel("x", 1, false)), 400, "ARGUMENT_INVALID");
        expectError(http.get("runs/" + UUID.randomUUID()), 404, "RUN_NOT_FOUND");
        expectError(http.get("runs/not-a-uuid"), 404, "RUN_NOT_FOUND");
        expectError(http.get("runs/" + UUID.randomUUID() + "/result?timeout=forever"), 400, "ARGUMENT_INVALID");
        expectError(http.post("runs/" + UUID.randomUUID() + "/cancel", null), 404, "RUN_NOT_FOUND");
        expectError(http.post("runs/" + UUID.randomUUID() + "/cancel", "[1]"), 400, "ARGUMENT_INVALID");
    }

    private static void expectError(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().getString("code")).isEqualTo(code);
        assertThat(answer.json().getString("message")).isNotBlank();
        assertThat(answer.body()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    private static String parcel(String id, int grams, boolean hold) {
        return "{\"id\":\"" + id + "\",\"grams\":" + grams + ",\"destination\":\"Lisbon\",\"hold\":" + hold + "}";
    }
}
