package io.iterativeflow.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.engine.WorkflowTables.Event;
import io.iterativeflow.it.engine.WorkflowTables.Run;
import io.iterativeflow.it.engine.WorkflowTables.Step;

/**
 * The engine inside Liberty: a WAR with a {@code @Flow} bean and a resource that starts it through the injected
 * {@code FlowEngine}; the outcome is read from PostgreSQL directly. Each test starts its own run with a unique input
 * and deletes it afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FlowEngineIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "canceled");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final WorkflowTables tables = new WorkflowTables();
    private final List<String> startedRuns = new ArrayList<>();

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("engine", EngineApplication.class, RunsResource.class, TwoStepFlow.class);
    }

    @AfterEach
    void deleteStartedRuns() throws Exception {
        for (String runId : startedRuns) {
            tables.delete(runId);
        }
    }

    @Test
    void a_run_started_over_http_is_completed_in_postgresql_with_its_output() throws Exception {
        String input = uniqueName();
        String runId = runToTheEnd(input);

        Run run = tables.run(runId);

        assertThat(run.status()).isEqualTo("completed");
        assertThat(run.finished()).isTrue();
        assertThat(run.output()).isEqualTo("\"" + TwoStepFlow.greet(TwoStepFlow.shout(input)) + "\"");
    }

    @Test
    void both_steps_of_the_run_are_recorded_completed_with_their_results() throws Exception {
        String input = uniqueName();
        String shouted = TwoStepFlow.shout(input);
        String runId = runToTheEnd(input);

        List<Step> steps = tables.steps(runId);

        assertThat(steps).containsExactly(
                new Step(TwoStepFlow.SHOUT, "step", "completed", shouted),
                new Step(TwoStepFlow.GREET, "step", "completed", TwoStepFlow.greet(shouted)));
    }

    @Test
    void the_audit_trail_records_the_run_from_creation_to_completion() throws Exception {
        String runId = runToTheEnd(uniqueName());

        List<Event> events = tables.events(runId);

        assertThat(events).first().isEqualTo(new Event("created", null));
        assertThat(events).extracting(Event::type).contains("claimed");
        assertThat(events).contains(
                new Event("step_completed", TwoStepFlow.SHOUT),
                new Event("step_completed", TwoStepFlow.GREET));
        assertThat(events).last().extracting(Event::type).isEqualTo("completed");
    }

    /** Starts a run over HTTP, waits until it is terminal and returns its id. */
    private String runToTheEnd(String input) throws Exception {
        String runId = start(input);
        String status = await("run " + runId + " ends").atMost(RUN_TIMEOUT).pollInterval(POLL)
                .until(() -> get("api/runs/" + runId + "/status").body(), TERMINAL::contains);
        assertThat(status).as("status of run %s", runId).isEqualTo("completed");
        return runId;
    }

    /** The engine starts after the application, so a first start may be refused with 503 for a moment. */
    private String start(String input) throws Exception {
        HttpResponse<String> response = await("the engine accepts a start").atMost(READY_TIMEOUT).pollInterval(POLL)
                .until(() -> send(HttpRequest.newBuilder(uri("api/runs"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(input))),
                        r -> r.statusCode() != 503);
        assertThat(response.statusCode()).as("start answered %s", response.body()).isEqualTo(201);
        startedRuns.add(response.body());
        return response.body();
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

    private static String uniqueName() {
        return "it-" + UUID.randomUUID();
    }
}
