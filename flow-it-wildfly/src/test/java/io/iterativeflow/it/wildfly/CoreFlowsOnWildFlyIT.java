package io.iterativeflow.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.TestDatabase;
import io.iterativeflow.it.metrics.ChildFlow;
import io.iterativeflow.it.metrics.MetricsApplication;
import io.iterativeflow.it.metrics.NappingFlow;
import io.iterativeflow.it.metrics.ParentFlow;

/**
 * The engine on WildFly with the REST module, configured by flow-server-config's configure.cli: a run that sleeps
 * wakes on WildFly's managed scheduled executor, a parent invokes a child and waits for a signal, a sleeping run is
 * canceled; the {@code iterativeflow} health checks answer on WildFly's management interface; and, WildFly having no
 * MicroProfile Metrics, the deployment runs without the engine's metrics while WildFly's own {@code /metrics} answers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CoreFlowsOnWildFlyIT {

    private static final String CONFIG = """
            flow.rest.role=none
            flow.worker.poll-interval=200ms
            """;

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withRestApi(Deployments.war("core", MetricsApplication.class, ShortNapFlow.class,
                ParentFlow.class, ChildFlow.class, NappingFlow.class))
                .addAsResource(new StringAsset(CONFIG), "META-INF/microprofile-config.properties");
    }

    @Test
    void a_run_that_sleeps_wakes_and_completes() throws Exception {
        String run = start(ShortNapFlow.NAME, "sleeper");

        JsonObject done = awaitStatus(run, "completed");

        assertThat(done.getString("output")).isEqualTo("awake: SLEEPER");
        JsonObject timer = done.getJsonArray("timers").getJsonObject(0);
        assertThat(timer.getString("cursorKey")).isEqualTo("nap");
        assertThat(Instant.parse(timer.getString("firedAt")))
                .isAfterOrEqualTo(Instant.parse(done.getString("createdAt")).plus(ShortNapFlow.NAP));
    }

    @Test
    void a_parent_invokes_its_child_and_completes_when_its_signal_arrives() throws Exception {
        String parent = start(ParentFlow.NAME, "hello");
        awaitStatus(parent, "awaiting_signal");
        assertThat(childStatuses(parent)).containsExactly("completed");

        assertThat(signal(parent, "go")).isEqualTo("delivered");

        assertThat(awaitStatus(parent, "completed").getString("output")).isEqualTo("HELLO now");
    }

    @Test
    void a_sleeping_run_is_canceled() throws Exception {
        String run = start(NappingFlow.NAME, "cancel me");
        awaitStatus(run, "sleeping");

        HttpResponse<String> canceled = post("api/runs/" + run + "/cancel", "{\"reason\":\"enough\"}");

        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        JsonObject ended = awaitStatus(run, "canceled");
        assertThat(ended.getJsonArray("events").toString()).contains("canceled");
    }

    @Test
    void the_health_checks_answer_on_the_management_interface() throws Exception {
        String readiness = await("the engine is ready").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> get(WildFlyServer.management("/health/ready")).body(),
                        body -> check(body).map(c -> "UP".equals(c.getString("status"))).orElse(false));
        JsonObject data = check(readiness).orElseThrow().getJsonObject("data");
        assertThat(data.getBoolean("db")).isTrue();
        assertThat(data.getString("schema")).matches("\\d+");
        assertThat(data.getString("worker")).isEqualTo("running");
        assertThat(data.getString("listen")).isEqualTo("listening");

        JsonObject live = check(get(WildFlyServer.management("/health/live")).body()).orElseThrow();
        assertThat(live.getString("status")).isEqualTo("UP");
        assertThat(live.getJsonObject("data").getString("dispatcher")).isEqualTo("progressing");
        JsonObject started = check(get(WildFlyServer.management("/health/started")).body()).orElseThrow();
        assertThat(started.getString("status")).isEqualTo("UP");
        assertThat(started.getJsonObject("data").getString("startedAt")).isEqualTo(data.getString("startedAt"));
    }

    @Test
    void without_microprofile_metrics_the_engine_runs_and_wildfly_serves_its_own_metrics() throws Exception {
        String run = start(ShortNapFlow.NAME, "unmetered");
        awaitStatus(run, "completed");

        HttpResponse<String> metrics = get(WildFlyServer.management("/metrics"));

        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.body()).contains("wildfly_").doesNotContain("flow_runs_");
        assertThat(Files.readString(WildFlyServer.log()))
                .contains("MicroProfile Metrics is not available: the engine records no metrics");
    }

    /** The check named iterativeflow in a health answer; empty when there is none. */
    private static Optional<JsonObject> check(String health) {
        if (!health.startsWith("{")) {
            return Optional.empty();
        }
        return json(health).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> "iterativeflow".equals(c.getString("name"))).findFirst();
    }

    private static List<String> childStatuses(String parentRunId) throws Exception {
        try (Connection connection = TestDatabase.fromEnvironment().connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT status FROM workflow.runs WHERE parent_run_id = CAST(? AS uuid)")) {
            query.setString(1, parentRunId);
            try (ResultSet rows = query.executeQuery()) {
                List<String> statuses = new java.util.ArrayList<>();
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
                return statuses;
            }
        }
    }

    /** The engine starts after the application, so a first start may be refused with 503 for a moment. */
    private String start(String flow, String input) throws Exception {
        HttpResponse<String> response = await("the engine accepts a start").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> post("api/flows/" + flow + "/runs", "\"" + input + "\""), r -> r.statusCode() != 503);
        assertThat(response.statusCode()).as("start answered %s", response.body()).isEqualTo(201);
        return json(response.body()).getString("runId");
    }

    private String signal(String runId, String name) throws Exception {
        HttpResponse<String> response = post("api/runs/" + runId + "/signals/" + name, "\"now\"");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).getString("delivery");
    }

    private JsonObject awaitStatus(String runId, String status) {
        return await("run " + runId + " is " + status).atMost(PATIENCE).pollInterval(POLL)
                .until(() -> json(get(uri("api/runs/" + runId)).body()), run -> status.equals(run.getString("status")));
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) throws Exception {
        return app.toURI().resolve(path);
    }
}
