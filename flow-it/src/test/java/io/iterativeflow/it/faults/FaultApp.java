package io.iterativeflow.it.faults;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonReader;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.rest.PingResource;
import io.iterativeflow.it.rest.RestApplication;
import io.iterativeflow.it.servers.LibertyServer;

/** The WAR the fault tests run on a stand-alone server, and talking to it over HTTP. */
final class FaultApp {

    static final String NAME = "faults";
    static final String READY_PATH = NAME + "/api/ping";

    /** Short leases and sweeps, so runs of a lost attempt are taken over within seconds. */
    static final String CONFIG = config("3s");

    /** Like {@link #CONFIG} with a lease of {@code lease}. */
    static String config(String lease) {
        return String.join("\n",
                "flow.rest.role=none",
                "flow.worker.concurrency=4",
                "flow.worker.claim-batch-size=4",
                "flow.worker.poll-interval=200ms",
                "flow.worker.lease=" + lease,
                "flow.reconciler.interval=1s",
                "");
    }

    /** What one GET answered: its status and body. */
    record Answer(int status, String body) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private FaultApp() {
    }

    static WebArchive war(String config, Class<?>... extra) {
        return Deployments.withRestApi(Deployments.war(NAME, RestApplication.class, PingResource.class,
                LedgerFlow.class, LedgerFlow.Job.class).addClasses(extra))
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    /** Starts {@code count} runs of {@code flow} with {@code input} over the REST API; returns their ids. */
    static List<String> startRuns(LibertyServer server, String flow, String input, int count) throws Exception {
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(server.uri(NAME + "/api/flows/" + flow + "/runs"))
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(input)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("start answered " + response.statusCode() + ": " + response.body());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                runIds.add(reader.readObject().getString("runId"));
            }
        }
        return runIds;
    }

    static List<String> startLedgerRuns(LibertyServer server, int count, int steps, int workMillis)
            throws Exception {
        return startRuns(server, LedgerFlow.NAME, "{\"steps\":" + steps + ",\"workMillis\":" + workMillis + "}",
                count);
    }

    /** GET {@code path} (under the server's root); a server that does not answer is status 0. */
    static Answer get(LibertyServer server, String path) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.uri(path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException noAnswer) {
            return new Answer(0, String.valueOf(noAnswer));
        }
    }

    static Answer post(LibertyServer server, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.uri(path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
