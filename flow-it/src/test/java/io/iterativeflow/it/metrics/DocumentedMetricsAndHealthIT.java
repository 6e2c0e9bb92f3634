package io.iterativeflow.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

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

/**
 * Every metric the README lists, by the name it has at {@code /metrics} on Open Liberty (mpMetrics-5.1), after runs
 * that complete (a parent and its child), fail, are canceled, suspend, receive signals and are reclaimed from an
 * owner that stopped renewing its lease; and the data of the {@code iterativeflow} health checks by the README's
 * names.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentedMetricsAndHealthIT {

    /** Quick polls and sweeps, so a run whose lease ran out is taken over within seconds. */
    private static final String CONFIG = """
            flow.rest.role=none
            flow.worker.poll-interval=200ms
            flow.worker.lease=3s
            flow.reconciler.interval=1s
            """;

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(300);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withRestApi(Deployments.war("metered", MetricsApplication.class, ParentFlow.class,
                ChildFlow.class, RefusingFlow.class, NappingFlow.class))
                .addAsResource(new StringAsset(CONFIG), "META-INF/microprofile-config.properties");
    }

    @Test
    void a_parent_and_its_child_count_as_started_and_completed_runs_with_suspensions_and_signals()
            throws Exception {
        String parent = start(ParentFlow.NAME, "hello");
        awaitStatus(parent, "awaiting_signal");
        assertThat(signal(parent, "go")).isEqualTo("delivered");
        awaitStatus(parent, "completed");
        assertThat(signal(parent, "go")).isEqualTo("expired");

        PrometheusText metrics = awaitMetrics(m -> atLeast(m, 1, "flow_signals_total", "result", "expired"));
        assertAtLeast(metrics, 1, "flow_runs_started_total", "flow", ParentFlow.NAME, "mp_scope", "application");
        assertAtLeast(metrics, 1, "flow_runs_started_total", "flow", ChildFlow.NAME);
        assertAtLeast(metrics, 1, "flow_runs_completed_total", "flow", ParentFlow.NAME);
        assertAtLeast(metrics, 1, "flow_runs_completed_total", "flow", ChildFlow.NAME);
        assertAtLeast(metrics, 2, "flow_suspensions_total", "flow", ParentFlow.NAME);
        assertAtLeast(metrics, 1, "flow_signals_total", "result", "delivered");
        assertAtLeast(metrics, 1, "flow_step_duration_seconds_count", "flow", ChildFlow.NAME, "outcome",
                "succeeded");
        assertAtLeast(metrics, 0, "flow_step_duration_seconds_sum", "flow", ChildFlow.NAME, "outcome", "succeeded");
        assertAtLeast(metrics, 0, "flow_step_duration_seconds_max", "flow", ChildFlow.NAME, "outcome", "succeeded");
        assertAtLeast(metrics, 0, "flow_step_duration_seconds", "flow", ChildFlow.NAME, "outcome", "succeeded",
                "quantile", "0.5");
    }

    @Test
    void a_failed_run_and_its_failed_step_are_counted() throws Exception {
        String run = start(RefusingFlow.NAME, "x");
        awaitStatus(run, "failed");

        PrometheusText metrics = awaitMetrics(m -> atLeast(m, 1, "flow_runs_failed_total", "flow",
                RefusingFlow.NAME));
        assertAtLeast(metrics, 1, "flow_runs_started_total", "flow", RefusingFlow.NAME);
        assertAtLeast(metrics, 1, "flow_step_duration_seconds_count", "flow", RefusingFlow.NAME, "outcome",
                "failed");
    }

    @Test
    void a_canceled_run_is_counted() throws Exception {
        String run = start(NappingFlow.NAME, "cancel me");
        awaitStatus(run, "sleeping");
        HttpResponse<String> canceled = post("api/runs/" + run + "/cancel", "{\"reason\":\"enough\"}");
        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);

        awaitMetrics(m -> atLeast(m, 1, "flow_runs_canceled_total", "flow", NappingFlow.NAME));
    }

    @Test
    void a_run_whose_owner_stopped_renewing_its_lease_is_reclaimed_and_counted() throws Exception {
        String run = start(NappingFlow.NAME, "reclaim me");
        awaitStatus(run, "sleeping");
        ownedByAVanishedInstance(run);

        await("run " + run + " is taken over").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> runJson(run).getJsonArray("events").toString().contains("lease_expired"));
        PrometheusText metrics = awaitMetrics(m -> atLeast(m, 1, "flow_reconciler_reclaimed_runs_total"));
        assertAtLeast(metrics, 1, "flow_reconciler_sweeps_total");
    }

    @Test
    void the_gauges_are_published() throws Exception {
        PrometheusText metrics = awaitMetrics(m -> m.value("flow_queue_depth").isPresent());

        for (String gauge : new String[] {"flow_queue_depth", "flow_queue_lag_seconds", "flow_runs_running",
                "flow_runs_in_progress"}) {
            assertThat(metrics.value(gauge, "mp_scope", "application")).as(gauge + " in " + metrics.samples(gauge))
                    .hasValueSatisfying(v -> assertThat(v).isNotNegative());
        }
    }

    @Test
    void every_metric_the_readme_lists_is_published_under_that_name() throws Exception {
        List<String[]> rows = Files.readString(Path.of("..", "README.md")).lines()
                .filter(line -> line.startsWith("| `flow_")).map(line -> line.split("\\|")).toList();
        assertThat(rows).as("the metrics table of README.md").hasSizeGreaterThanOrEqualTo(13);

        start(ChildFlow.NAME, "a step for the timer");
        for (String[] row : rows) {
            String name = row[1].trim().replace("`", "");
            String sample = row[2].contains("timer") ? name + "_count" : name;
            PrometheusText metrics = awaitMetrics("/metrics", m -> !m.samples(sample).isEmpty());
            assertThat(metrics.samples(sample)).as(name + " at /metrics")
                    .allSatisfy(line -> assertThat(line).contains("mp_scope=\"application\""));
        }
    }

    @Test
    void the_health_checks_carry_the_documented_data() throws Exception {
        JsonObject ready = await("the engine is ready").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> healthData("/health/ready"), data -> data != null && data.getBoolean("db", false));
        assertThat(ready.keySet()).contains("db", "schema", "worker", "listen", "startedAt");
        assertThat(ready.getString("schema")).matches("\\d+");
        assertThat(ready.getString("worker")).isEqualTo("running");
        assertThat(ready.getString("listen")).isNotBlank();
        assertThat(Instant.parse(ready.getString("startedAt"))).isBefore(Instant.now().plusSeconds(60));

        JsonObject live = healthData("/health/live");
        assertThat(live.keySet()).contains("dispatcher", "lastDispatch", "stallAfter");
        assertThat(live.getString("dispatcher")).isEqualTo("progressing");
        assertThat(Instant.parse(live.getString("lastDispatch"))).isNotNull();
        assertThat(Duration.parse(live.getString("stallAfter"))).isGreaterThanOrEqualTo(Duration.ofSeconds(30));

        JsonObject started = healthData("/health/started");
        assertThat(started.keySet()).contains("startedAt");
        assertThat(started.getString("startedAt")).isEqualTo(ready.getString("startedAt"));
    }

    /** The data of the check named iterativeflow in the answer of {@code path}; null when there is no such check. */
    private JsonObject healthData(String path) throws Exception {
        return json(get(path).body()).getJsonArray("checks").stream().map(check -> check.asJsonObject())
                .filter(check -> "iterativeflow".equals(check.getString("name"))).findFirst()
                .map(check -> check.getJsonObject("data")).orElse(null);
    }

    /** What a crashed owner leaves behind: the run marked running under another instance, its lease expired. */
    private static void ownedByAVanishedInstance(String runId) throws Exception {
        try (Connection connection = TestDatabase.fromEnvironment().connect();
                PreparedStatement update = connection.prepareStatement("UPDATE workflow.runs SET status = 'running',"
                        + " lease_owner = 'vanished-instance', lease_expires_at = ? WHERE id = CAST(? AS uuid)"
                        + " AND status = 'sleeping'")) {
            update.setObject(1, OffsetDateTime.now().minusMinutes(1));
            update.setString(2, runId);
            assertThat(update.executeUpdate()).as("run " + runId + " taken from its owner").isEqualTo(1);
        }
    }

    private PrometheusText awaitMetrics(Predicate<PrometheusText> shows) {
        return awaitMetrics("/metrics?scope=application", shows);
    }

    private PrometheusText awaitMetrics(String path, Predicate<PrometheusText> shows) {
        return await("the metrics at " + path + " show it").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> new PrometheusText(get(path).body()), shows);
    }

    private static boolean atLeast(PrometheusText metrics, double least, String name, String... labels) {
        return metrics.value(name, labels).orElse(-1.0) >= least;
    }

    private static void assertAtLeast(PrometheusText metrics, double least, String name, String... labels) {
        assertThat(metrics.value(name, labels)).as(name + " " + String.join(",", labels) + " in "
                + metrics.samples(name)).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(least));
    }

    private String start(String flow, String input) throws Exception {
        HttpResponse<String> response = await("the engine accepts a start").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> post("api/flows/" + flow + "/runs", "\"" + input + "\""),
                        r -> r.statusCode() != 503);
        assertThat(response.statusCode()).as("start answered %s", response.body()).isEqualTo(201);
        return json(response.body()).getString("runId");
    }

    private String signal(String runId, String name) throws Exception {
        HttpResponse<String> response = post("api/runs/" + runId + "/signals/" + name, "\"now\"");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).getString("delivery");
    }

    private void awaitStatus(String runId, String status) {
        await("run " + runId + " is " + status).atMost(PATIENCE).pollInterval(POLL)
                .until(() -> runJson(runId).getString("status"), status::equals);
    }

    private JsonObject runJson(String runId) throws Exception {
        return json(get("api/runs/" + runId).body());
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
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
