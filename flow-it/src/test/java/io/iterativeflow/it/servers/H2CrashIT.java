package io.iterativeflow.it.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.rest.PingResource;
import io.iterativeflow.it.rest.RestApplication;

/**
 * The reference server.xml's defaults, that is the embedded H2 database, and kill -9 of the server JVM right after
 * runs completed: the runs wait for a signal, all are signalled, and the server dies as soon as the API has shown
 * them completed. After a restart, every one of them is still completed after the same attempts, and none of its
 * steps ran again (each step logs its executions to a file).
 */
class H2CrashIT {

    private static final String APP = "h2crash";
    private static final int RUNS = 24;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Nothing about the database: the server.xml's defaults choose H2, a file in the server's directory. */
    private static final String DEFAULTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <server/>
            """;
    private static final String CONFIG = String.join("\n",
            "flow.rest.role=none",
            "flow.worker.concurrency=4",
            "flow.worker.poll-interval=200ms",
            "flow.worker.lease=3s",
            "flow.reconciler.interval=1s",
            "");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void runs_completed_before_a_kill_stay_completed_and_none_of_their_steps_runs_again() throws Exception {
        Path executions = Path.of("target", "h2-crash-executions.log").toAbsolutePath();
        Files.deleteIfExists(executions);
        WebArchive war = Deployments.withRestApi(Deployments.war(APP, RestApplication.class, PingResource.class,
                FileLoggedFlow.class, FileLoggedFlow.Job.class))
                .addAsResource(new StringAsset(CONFIG), "META-INF/microprofile-config.properties");
        try (LibertyServer server = LibertyServer.create("flowCrashH2", 11, war,
                List.of("-D" + FileLoggedFlow.LOG_PROPERTY + "=" + executions), DEFAULTS)) {
            server.start(APP + "/api/ping");
            List<String> runIds = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                runIds.add(start(server));
            }

            await().atMost(PATIENCE).until(() -> waiting(server) == RUNS);
            for (String runId : runIds) {
                signal(server, runId);
            }
            String last = runIds.get(RUNS - 1);
            JsonObject result = json(get(server, "runs/" + last + "/result?timeout=120s").body());
            Map<String, Integer> completedAtKill = completedAttempts(server);
            server.kill(); // at once: these runs completed a few hundred milliseconds ago at most
            assertThat(result.getString("status")).as(result.toString()).isEqualTo("completed");
            assertThat(completedAtKill).containsKey(last);

            server.start(APP + "/api/ping");
            await().atMost(PATIENCE).until(() -> completedAttempts(server).keySet().containsAll(runIds));

            Map<String, Integer> after = completedAttempts(server);
            Map<String, Long> executed = Files.readAllLines(executions).stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            Map<String, Long> executedAgain = new HashMap<>();
            completedAtKill.keySet().forEach(runId -> {
                for (int step = 1; step <= FileLoggedFlow.STEPS; step++) {
                    String line = runId + " step-" + step;
                    if (executed.getOrDefault(line, 0L) != 1L) {
                        executedAgain.put(line, executed.getOrDefault(line, 0L));
                    }
                }
            });
            assertThat(executedAgain).as("steps of runs completed before the kill executed other than once")
                    .isEmpty();
            completedAtKill.forEach((runId, attempts) -> assertThat(after.get(runId))
                    .as("attempts of run %s, completed before the kill", runId).isEqualTo(attempts));
            runIds.forEach(runId -> assertThat(executed).containsKey(runId + " step-" + FileLoggedFlow.STEPS));
        }
    }

    private String start(LibertyServer server) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri(APP + "/api/flows/"
                + FileLoggedFlow.NAME + "/runs")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("{\"workMillis\":0}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body()).getString("runId");
    }

    private long waiting(LibertyServer server) throws Exception {
        return json(get(server, "runs?name=" + FileLoggedFlow.NAME + "&status=awaiting_signal&limit=500").body())
                .getJsonArray("items").size();
    }

    private void signal(LibertyServer server, String runId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri(APP + "/api/runs/" + runId
                + "/signals/" + FileLoggedFlow.SIGNAL)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("\"now\"")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The completed runs of the flow with their attempts, as the API lists them. */
    private Map<String, Integer> completedAttempts(LibertyServer server) throws Exception {
        HttpResponse<String> response = get(server, "runs?name=" + FileLoggedFlow.NAME
                + "&status=completed&limit=500");
        return json(response.body()).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(item -> item.getString("runId"), item -> item.getInt("attempts")));
    }

    private HttpResponse<String> get(LibertyServer server, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri(APP + "/api/" + path))
                .timeout(Duration.ofMinutes(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
