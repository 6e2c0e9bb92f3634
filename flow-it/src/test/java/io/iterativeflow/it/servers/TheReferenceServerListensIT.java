package io.iterativeflow.it.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.TestDatabase;
import io.iterativeflow.it.rest.PingResource;
import io.iterativeflow.it.rest.RestApplication;

/**
 * The reference server.xml on PostgreSQL, with the poll interval and the lease sweep set to an hour: the engine
 * listens (readiness says so), so a run that another instance starts, and the signal another instance sends it, are
 * picked up at once; by polling they would wait an hour. The run's step runs on a managed thread of the container.
 */
class TheReferenceServerListensIT {

    private static final String APP = "listen";
    private static final String CONFIG = String.join("\n",
            "flow.rest.role=none",
            "flow.worker.poll-interval=1h",
            "flow.reconciler.interval=1h",
            "");
    /** Far below the poll interval: a run found by polling would not be found in this time. */
    private static final Duration AT_ONCE = Duration.ofSeconds(60);

    private static final FlowDefinition<String, ListenProbeFlow.Facts> PROBE = FlowDefinition
            .builder(ListenProbeFlow.NAME, String.class, ListenProbeFlow.Facts.class)
            .body((ctx, input) -> {
                throw new IllegalStateException("only the server runs " + ListenProbeFlow.NAME);
            })
            .build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void the_engine_listens_and_runs_started_and_signalled_elsewhere_go_on_at_once_on_managed_threads()
            throws Exception {
        WebArchive war = Deployments.withRestApi(Deployments.war(APP, RestApplication.class, PingResource.class,
                ListenProbeFlow.class, ListenProbeFlow.Facts.class, ListenProbeFlow.Place.class))
                .addAsResource(new StringAsset(CONFIG), "META-INF/microprofile-config.properties");
        try (LibertyServer server = LibertyServer.create("flowListen", 12, war,
                List.of("-Dflow.instance-id=listen-it"))) {
            server.start(APP + "/api/ping");
            await("readiness to say listening (see " + server.directory().resolve("logs/messages.log") + ")")
                    .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> readiness(server).getString("listen"), "listening"::equals);

            try (OutsideEngine outside = OutsideEngine.on(TestDatabase.fromEnvironment(), PROBE)) {
                String runId = outside.engine().flow(PROBE).start("probe");
                await("the server to run the started run's step and wait for its signal").atMost(AT_ONCE)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> run(server, runId).getString("status"), "awaiting_signal"::equals);

                assertThat(outside.engine().signal(runId, ListenProbeFlow.SIGNAL, "now"))
                        .isInstanceOf(SignalDeliveryResult.Delivered.class);
                await("the server to resume the signalled run").atMost(AT_ONCE).pollInterval(Duration.ofMillis(200))
                        .until(() -> run(server, runId).getString("status"), "completed"::equals);

                JsonObject facts = run(server, runId).getJsonObject("output");
                assertThat(facts.getString("payload")).isEqualTo("now");
                assertThat(facts.getBoolean("applicationContext"))
                        .as("the step's thread (%s) carries the application's context", facts.getString("thread"))
                        .isTrue();
                assertThat(facts.getString("thread")).doesNotStartWith("iterativeflow");
            }
            assertThat(server.messages()).doesNotContain("cannot listen for database notifications");
        }
    }

    private JsonObject readiness(LibertyServer server) throws Exception {
        JsonObject health = json(http.send(HttpRequest.newBuilder(server.uri("health/ready"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("iterativeflow")).findFirst().orElseThrow()
                .getJsonObject("data");
    }

    private JsonObject run(LibertyServer server, String runId) throws Exception {
        URI uri = server.uri(APP + "/api/runs/" + runId);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
