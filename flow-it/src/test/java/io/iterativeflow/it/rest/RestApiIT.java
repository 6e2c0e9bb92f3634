package io.iterativeflow.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The REST module inside Liberty, over HTTP: start, list, inspect, wait for, signal, cancel and retry runs, and the
 * JSON errors of bad requests. This WAR turns the role check off; {@link RestSecurityIT} tests it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestApiIT {

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withRestApi(Deployments.war("rest", RestApplication.class, ParcelFlow.class,
                ParcelFlow.Parcel.class, ParcelFlow.Quote.class, ReviewFlow.class, ReviewFlow.Review.class,
                FailOnceFlow.class, SeatFlow.class, SeatFlow.Seat.class))
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
    void runs_started_with_a_concurrency_key_complete_one_after_the_other_in_start_order() throws Exception {
        Http http = new Http(app);
        String key = "customer-" + UUID.randomUUID();
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Answer started = http.post("flows/it-parcel/runs?concurrencyKey=" + key + "&priority=" + i,
                    parcel(UUID.randomUUID().toString(), 10 + i, false));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            runIds.add(started.json().getString("runId"));
        }

        List<Instant> finished = new ArrayList<>();
        for (String runId : runIds) {
            Answer result = http.get("runs/" + runId + "/result?timeout=60s");
            assertThat(result.status()).as(result.body()).isEqualTo(200);
            finished.add(Instant.parse(http.get("runs/" + runId).json().getString("finishedAt")));
        }
        assertThat(finished).isSorted();
    }

    @Test
    void the_same_idempotency_key_returns_the_same_run_with_200_instead_of_201() throws Exception {
        Http http = new Http(app);
        Map<String, String> key = Map.of("Idempotency-Key", "parcel-" + UUID.randomUUID());
        String body = parcel(UUID.randomUUID().toString(), 10, false);

        Answer first = http.post("flows/it-parcel/runs", body, key);
        Answer second = http.post("flows/it-parcel/runs", body, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().getString("runId")).isEqualTo(first.json().getString("runId"));
    }

    @Test
    void an_input_breaking_its_constraints_is_400_input_invalid_with_the_issues_and_starts_nothing()
            throws Exception {
        Http http = new Http(app);
        Map<String, String> key = Map.of("Idempotency-Key", "seat-" + UUID.randomUUID());

        Answer invalid = http.post("flows/it-seat/runs", "{\"row\": \" \", \"number\": 41}", key);

        expectError(invalid, 400, "INPUT_INVALID");
        assertThat(invalid.json().getJsonArray("issues").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("number: must be less than or equal to 40", "row: must not be blank");
        Answer valid = http.post("flows/it-seat/runs", "{\"row\": \"C\", \"number\": 12}", key);
        assertThat(valid.status()).as("the key was not taken by the refused start: " + valid.body()).isEqualTo(201);
        Answer result = http.get("runs/" + valid.json().getString("runId") + "/result?timeout=60s");
        assertThat(result.json().getString("output")).as(result.body()).isEqualTo("C12");
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
        expectError(http.post("flows/it-parcel/runs?concurrencyKey=%20", parcel("x", 1, false)), 400,
                "ARGUMENT_INVALID");
        expectError(http.get("runs/" + UUID.randomUUID()), 404, "RUN_NOT_FOUND");
        expectError(http.get("runs/not-a-uuid"), 404, "RUN_NOT_FOUND");
        expectError(http.get("runs/" + UUID.randomUUID() + "/result?timeout=forever"), 400, "ARGUMENT_INVALID");
        expectError(http.post("runs/" + UUID.randomUUID() + "/cancel", null), 404, "RUN_NOT_FOUND");
        expectError(http.post("runs/" + UUID.randomUUID() + "/cancel", "[1]"), 400, "ARGUMENT_INVALID");
    }

    @Test
    void signals_are_read_as_declared_checked_buffered_or_delivered_once_and_expired_after_the_end() throws Exception {
        Http http = new Http(app);
        String runId = http.post("flows/it-review/runs", "\"the book\"").json().getString("runId");
        Map<String, String> key = Map.of("Idempotency-Key", "review-" + runId);

        Answer invalid = http.post("runs/" + runId + "/signals/review", "{\"stars\": 9}", key);
        expectError(invalid, 400, "SIGNAL_PAYLOAD_INVALID");
        assertThat(invalid.json().getJsonArray("issues").getString(0)).contains("stars");
        expectError(http.post("runs/" + runId + "/signals/review", "{\"stars\": \"many\"}"), 400,
                "SIGNAL_PAYLOAD_INVALID");
        expectError(http.post("runs/" + runId + "/signals/review", ""), 400, "SIGNAL_PAYLOAD_INVALID");

        Answer note = http.post("runs/" + runId + "/signals/note", "\"thanks\"");
        assertThat(note.status()).as(note.body()).isEqualTo(200);
        assertThat(note.json().getString("delivery")).as("undeclared, and not awaited yet").isEqualTo("buffered");

        Answer sent = http.post("runs/" + runId + "/signals/review", "{\"stars\": 4, \"text\": \"good\"}", key);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().getString("delivery")).isIn("delivered", "buffered");
        Answer again = http.post("runs/" + runId + "/signals/review", "{\"stars\": 1, \"text\": \"bad\"}", key);
        assertThat(again.json().getString("delivery")).isEqualTo("duplicate");

        Answer result = http.get("runs/" + runId + "/result?timeout=60s");
        assertThat(result.json().getString("output")).isEqualTo("the book: 4 stars, good (thanks)");
        Answer late = http.post("runs/" + runId + "/signals/review", "{\"stars\": 2, \"text\": \"late\"}");
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().getString("delivery")).isEqualTo("expired");
        expectError(http.post("runs/" + UUID.randomUUID() + "/signals/review", "{\"stars\": 3}"), 404,
                "RUN_NOT_FOUND");
        expectError(http.post("runs/" + runId + "/signals/bad:name", "{}"), 400, "ARGUMENT_INVALID");
    }

    @Test
    void a_failed_run_is_retried_and_completes_and_other_runs_are_not_failed() throws Exception {
        Http http = new Http(app);
        String runId = http.post("flows/it-fail-once/runs", "\"x\"").json().getString("runId");
        Answer failed = http.get("runs/" + runId + "/result?timeout=60s");
        assertThat(failed.json().getString("status")).as(failed.body()).isEqualTo("failed");

        Answer retried = http.post("runs/" + runId + "/retry", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().getString("retry")).isEqualTo("retried");
        Answer result = http.get("runs/" + runId + "/result?timeout=60s");
        assertThat(result.json().getString("status")).as(result.body()).isEqualTo("completed");
        assertThat(result.json().getString("output")).isEqualTo("checked x");

        Answer notFailed = http.post("runs/" + runId + "/retry", null);
        assertThat(notFailed.status()).isEqualTo(200);
        assertThat(notFailed.json().getString("retry")).isEqualTo("not_failed");
        assertThat(notFailed.json().getString("status")).isEqualTo("completed");
        expectError(http.post("runs/" + UUID.randomUUID() + "/retry", null), 404, "RUN_NOT_FOUND");
    }

    @Test
    void runs_are_listed_by_flow_status_and_tag_page_by_page() throws Exception {
        Http http = new Http(app);
        String tag = "list-" + UUID.randomUUID();
        java.util.Set<String> started = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            started.add(http.post("flows/it-parcel/runs?tags=" + tag, parcel("l" + i, 5, true)).json()
                    .getString("runId"));
        }

        JsonObject first = http.get("runs?name=it-parcel&tag=" + tag + "&limit=2").json();
        assertThat(first.getJsonArray("items")).hasSize(2);
        assertThat(first.getJsonArray("items").getJsonObject(0).getString("flow")).isEqualTo("it-parcel");
        JsonObject second = http.get("runs?name=it-parcel&tag=" + tag + "&limit=2&cursor="
                + java.net.URLEncoder.encode(first.getString("nextCursor"), java.nio.charset.StandardCharsets.UTF_8))
                .json();
        assertThat(second.getJsonArray("items")).hasSize(1);
        assertThat(second.containsKey("nextCursor")).as("no next cursor on the last page").isFalse();
        java.util.Set<String> listed = new java.util.HashSet<>();
        first.getJsonArray("items").forEach(item -> listed.add(item.asJsonObject().getString("runId")));
        second.getJsonArray("items").forEach(item -> listed.add(item.asJsonObject().getString("runId")));
        assertThat(listed).isEqualTo(started);

        for (String runId : started) {
            http.post("runs/" + runId + "/cancel", null);
        }
        assertThat(http.get("runs?tag=" + tag + "&status=canceled").json().getJsonArray("items")).hasSize(3);
        assertThat(http.get("runs?tag=" + tag + "&status=completed,failed").json().getJsonArray("items")).isEmpty();
        expectError(http.get("runs?status=sleepy"), 400, "ARGUMENT_INVALID");
        expectError(http.get("runs?limit=0"), 400, "ARGUMENT_INVALID");
        expectError(http.get("runs?cursor=not-a-cursor"), 400, "ARGUMENT_INVALID");
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
