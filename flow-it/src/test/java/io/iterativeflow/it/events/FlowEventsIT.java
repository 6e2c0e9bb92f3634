package io.iterativeflow.it.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

/**
 * Flow events as CDI events on Open Liberty: the application's {@code @Observes} and {@code @ObservesAsync} methods
 * hear each run's transitions, {@code @FlowName} narrows them to one flow, and observers that throw or do not return
 * stall no run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FlowEventsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("events", EventsApplication.class, EventsResource.class, EventLog.class,
                MisbehavingObservers.class, HeardFlow.class, OtherFlow.class);
    }

    @AfterEach
    void openGate() throws Exception {
        send(HttpRequest.newBuilder(uri("api/events/gate/open")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void observers_hear_each_transition_of_a_run_and_a_flow_name_narrows_them() throws Exception {
        String heard = start(HeardFlow.NAME);
        String other = start("other");
        assertThat(result(HeardFlow.NAME, heard)).endsWith("-1-2");
        assertThat(result("other", other)).isNotBlank();

        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> {
            assertThat(heard("all")).filteredOn(line -> line.startsWith(heard + " ")).containsExactly(
                    heard + " RunStarted",
                    heard + " StepFinished first SUCCEEDED",
                    heard + " StepFinished second SUCCEEDED",
                    heard + " RunCompleted");
            assertThat(heard("all")).contains(other + " RunCompleted");
            assertThat(heard("async-completed")).contains(heard, other);
        });
        assertThat(heard("heard-completed")).contains(heard).doesNotContain(other);
        assertThat(heard("threads")).as("observers never run on the threads of the steps")
                .doesNotContainAnyElementsOf(heard("step-threads"));
    }

    @Test
    void an_observer_that_does_not_return_stalls_no_run() throws Exception {
        send(HttpRequest.newBuilder(uri("api/events/gate/close")).POST(HttpRequest.BodyPublishers.noBody()));
        String first = start(HeardFlow.NAME);
        await().atMost(PATIENCE).pollInterval(POLL).until(() -> get("api/events/gate").body(), "blocking"::equals);

        List<String> runs = new ArrayList<>(List.of(first));
        for (int i = 0; i < 3; i++) {
            runs.add(start(HeardFlow.NAME));
        }
        for (String run : runs) {
            assertThat(result(HeardFlow.NAME, run)).endsWith("-1-2");
        }
        assertThat(get("api/events/gate").body()).as("the observer still holds the first start").isEqualTo("blocking");
        assertThat(heard("all")).noneMatch(line -> runs.stream().anyMatch(run -> line.equals(run + " RunCompleted")));

        send(HttpRequest.newBuilder(uri("api/events/gate/open")).POST(HttpRequest.BodyPublishers.noBody()));
        await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> assertThat(heard("all"))
                .containsAll(runs.stream().map(run -> run + " RunCompleted").toList()));
    }

    /** The engine starts after the application, so a first start may be refused with 503 for a moment. */
    private String start(String flow) throws Exception {
        String input = "in-" + UUID.randomUUID();
        HttpResponse<String> response = await("the engine accepts a start").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> send(HttpRequest.newBuilder(uri("api/events/runs/" + flow))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(input))), r -> r.statusCode() != 503);
        assertThat(response.statusCode()).as("start answered %s", response.body()).isEqualTo(201);
        return response.body();
    }

    private String result(String flow, String runId) throws Exception {
        HttpResponse<String> response = get("api/events/runs/" + flow + "/" + runId + "/result");
        assertThat(response.statusCode()).as("result answered %s", response.body()).isEqualTo(200);
        return response.body();
    }

    private List<String> heard(String list) throws Exception {
        String body = get("api/events/heard/" + list).body();
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\n"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) throws Exception {
        return app.toURI().resolve(path);
    }
}
