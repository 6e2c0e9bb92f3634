package io.iterativeflow.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.migrations.FlowMigrations;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.engine.EngineApplication;
import io.iterativeflow.it.engine.RunsResource;
import io.iterativeflow.it.engine.TwoStepFlow;

/**
 * The engine's MicroProfile Health checks and Metrics as Open Liberty serves them: {@code /health/*} in the JSON the
 * MicroProfile Health spec defines, {@code /metrics?scope=application} in the Prometheus text format.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthAndMetricsIT {

    private static final String FLOW = "it-two-steps";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("observed", EngineApplication.class, RunsResource.class, TwoStepFlow.class);
    }

    @Test
    void readiness_reports_the_database_schema_worker_and_listener() throws Exception {
        String body = await("the engine is ready").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> get("/health/ready"), r -> r.statusCode() == 200).body();

        String json = compact(body);
        assertThat(json).startsWith("{").contains("\"status\":\"UP\"");
        assertThat(check(json)).contains("\"status\":\"UP\"", "\"db\":true", "\"schema\":\"" + FlowMigrations.expectedVersion() + "\"",
                "\"worker\":\"running\"", "\"listen\":\"", "\"startedAt\":\"");
    }

    @Test
    void liveness_startup_and_the_overall_check_are_up() throws Exception {
        await("the engine has started").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> get("/health/started"), r -> r.statusCode() == 200);

        for (String path : new String[] {"/health/live", "/health/started", "/health"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path + " answered " + response.body()).isEqualTo(200);
            assertThat(compact(response.body())).contains("\"status\":\"UP\"", "\"name\":\"iterativeflow\"");
        }
        assertThat(check(compact(get("/health/live").body()))).contains("\"dispatcher\":\"progressing\"");
    }

    @Test
    void a_finished_run_shows_in_the_application_metrics() throws Exception {
        String runId = start("metrics-" + UUID.randomUUID());
        await("run " + runId + " completes").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> get("api/runs/" + runId + "/status").body(), "completed"::equals);

        String metrics = await("the counters show the run").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> get("/metrics?scope=application").body(),
                        text -> lines(text, "flow_runs_completed_total{").stream()
                                .anyMatch(line -> line.contains(FLOW) && !line.endsWith(" 0.0")));

        assertThat(lines(metrics, "flow_runs_started_total{")).anySatisfy(line ->
                assertThat(line).contains("flow=\"" + FLOW + "\"").doesNotEndWith(" 0.0"));
        assertThat(lines(metrics, "flow_runs_completed_total{")).anySatisfy(line ->
                assertThat(line).contains("flow=\"" + FLOW + "\""));
        assertThat(lines(metrics, "flow_step_duration_seconds_count{")).anySatisfy(line ->
                assertThat(line).contains("flow=\"" + FLOW + "\"", "outcome=\"succeeded\""));
        assertThat(metrics).contains("flow_queue_depth", "flow_queue_lag_seconds", "flow_runs_in_progress",
                "flow_reconciler_sweeps_total");
    }

    private String start(String input) throws Exception {
        HttpResponse<String> response = await("the engine accepts a start").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> send(HttpRequest.newBuilder(uri("api/runs")).header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(input))), r -> r.statusCode() != 503);
        assertThat(response.statusCode()).as("start answered %s", response.body()).isEqualTo(201);
        return response.body();
    }

    /** The object of the check named iterativeflow, from its name to the end of its data. */
    private static String check(String json) {
        int at = json.indexOf("\"name\":\"iterativeflow\"");
        assertThat(at).as("the iterativeflow check in " + json).isNotNegative();
        int start = json.lastIndexOf('{', at);
        int end = json.indexOf("}}", at);
        return json.substring(start, end < 0 ? json.length() : end + 2);
    }

    private static java.util.List<String> lines(String metrics, String prefix) {
        return metrics.lines().filter(line -> line.startsWith(prefix)).toList();
    }

    private static String compact(String json) {
        return json.replaceAll("\\s+", "");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) throws Exception {
        return app.toURI().resolve(path);
    }
}
