package io.iterativeflow.it.servers;

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

/** The WAR the stand-alone servers run, and starting its runs over HTTP. */
final class ServerApps {

    /** Short leases and sweeps, so a killed server's runs are taken over within seconds. */
    static final Duration SHORT_LEASE = Duration.ofSeconds(3);

    /**
     * A lease no pause of a loaded test machine outlasts, for servers that are not killed: with it, every run keeps
     * the instance that claimed it, and each step runs exactly once.
     */
    static final Duration STEADY_LEASE = Duration.ofSeconds(60);

    static final String READY_PATH = "api/ping";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServerApps() {
    }

    static WebArchive war(String name, Duration lease) {
        String config = String.join("\n",
                "flow.rest.role=none",
                "flow.worker.concurrency=4",
                "flow.worker.claim-batch-size=2",
                "flow.worker.poll-interval=200ms",
                "flow.worker.lease=" + lease.toSeconds() + "s",
                "flow.reconciler.interval=1s",
                "");
        return Deployments.withRestApi(Deployments.war(name, RestApplication.class, PingResource.class,
                SlowStepsFlow.class, SlowStepsFlow.Job.class))
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    /** Starts {@code count} runs through the REST API of {@code server}'s app {@code app}; returns their ids. */
    static List<String> startRuns(LibertyServer server, String app, int count, String batch, int workMillis)
            throws Exception {
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(server.uri(app + "/api/flows/" + SlowStepsFlow.NAME
                    + "/runs")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"batch\":\"" + batch + "\",\"workMillis\":"
                            + workMillis + "}")).build();
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
}
