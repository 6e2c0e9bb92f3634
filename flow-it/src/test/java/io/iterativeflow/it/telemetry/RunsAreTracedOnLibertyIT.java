package io.iterativeflow.it.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.servers.LibertyServer;

/**
 * The reference server.xml plus {@code mpTelemetry-2.0} and third-party API visibility for the application, the SDK
 * enabled in the application's MicroProfile Config, spans exported to the server's log (the {@code logging}
 * exporter) and to an OTLP endpoint where nobody listens. A run started by a request that carries a
 * {@code traceparent} header is traced in that trace: its attempts (before and after a sleep, after a retry), its
 * steps and its child's, with the documented attributes; the dead exporter fails no run.
 */
class RunsAreTracedOnLibertyIT {

    private static final String APP = "telemetry";
    /** 'name' : traceId spanId KIND [tracer: scope:version] AttributesMap{data={...}, capacity=... */
    private static final Pattern SPAN = Pattern.compile(
            "'([^']+)' : ([0-9a-f]{32}) ([0-9a-f]{16}) (\\w+) \\[tracer: ([^]]*)] AttributesMap\\{data=\\{(.*?)}, capacity");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One exported span as the logging exporter wrote it. */
    record Exported(String name, String traceId, String spanId, String scope, String attributes) {

        boolean has(String key, Object value) {
            return (", " + attributes + ",").contains(", " + key + "=" + value + ",");
        }
    }

    @Test
    void a_run_started_in_a_request_s_trace_is_traced_in_it_across_attempts_steps_and_its_child() throws Exception {
        WebArchive war = Deployments.war(APP, TelemetryApplication.class, OrdersResource.class,
                TracedOrderFlow.class, TracedLeafFlow.class)
                .addAsResource(new StringAsset(String.join("\n",
                        "otel.sdk.disabled=false",
                        "otel.service.name=iterativeflow-it",
                        "otel.traces.exporter=logging,otlp",
                        "otel.exporter.otlp.endpoint=http://127.0.0.1:" + portNobodyListensOn(),
                        "otel.metrics.exporter=none",
                        "otel.logs.exporter=none",
                        "")), "META-INF/microprofile-config.properties");
        try (LibertyServer server = LibertyServer.create("flowTelemetry", 31, war, List.of())) {
            enableTelemetry(server.directory(), war.getName());
            server.start(APP + "/api/orders/ready");

            String traceId = HexFormat.of().formatHex(random(16));
            String parentId = HexFormat.of().formatHex(random(8));
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(server.uri(APP + "/api/orders"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "text/plain")
                    .header("traceparent", "00-" + traceId + "-" + parentId + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString("book")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            String runId = started.body().trim();

            await("run " + runId + " to complete (see " + server.directory().resolve("logs/messages.log") + ")")
                    .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                    .until(() -> status(server, runId), "completed"::equals);
            await("the last attempt's span in the log").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> spans(server).stream().anyMatch(s -> s.name().equals("flow " + TracedOrderFlow.NAME)
                            && s.has("iterativeflow.outcome", "completed")));

            List<Exported> spans = spans(server);
            List<Exported> attempts = spans.stream().filter(s -> s.name().equals("flow " + TracedOrderFlow.NAME))
                    .toList();
            assertThat(attempts).as("the attempts: sleeping, retrying, awaiting the child, completing")
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(attempt -> {
                        assertThat(attempt.traceId()).as("every attempt continues the request's trace")
                                .isEqualTo(traceId);
                        assertThat(attempt.scope()).startsWith("io.iterativeflow");
                        assertThat(attempt.has("iterativeflow.run.id", runId)).as(attempt.attributes()).isTrue();
                        assertThat(attempt.has("iterativeflow.flow", TracedOrderFlow.NAME)).isTrue();
                        assertThat(attempt.has("iterativeflow.flow.version", 1)).isTrue();
                    });
            assertThat(attempts).anySatisfy(a -> {
                assertThat(a.has("iterativeflow.attempt", 1)).isTrue();
                assertThat(a.has("iterativeflow.outcome", "suspended")).isTrue();
            });
            assertThat(attempts).as("an attempt after the sleep, in the same trace").anySatisfy(a -> {
                assertThat(a.has("iterativeflow.attempt", 2)).isTrue();
            });

            assertThat(spans).filteredOn(s -> s.name().equals("step reserve")).singleElement().satisfies(step -> {
                assertThat(step.traceId()).isEqualTo(traceId);
                assertThat(step.has("iterativeflow.step.cursor_key", "reserve")).as(step.attributes()).isTrue();
                assertThat(step.has("iterativeflow.step.try", 1)).isTrue();
                assertThat(step.has("iterativeflow.outcome", "completed")).isTrue();
            });
            assertThat(spans).filteredOn(s -> s.name().equals("step charge"))
                    .anySatisfy(step -> assertThat(step.has("iterativeflow.outcome", "retrying")).isTrue())
                    .anySatisfy(step -> {
                        assertThat(step.has("iterativeflow.step.try", 2)).isTrue();
                        assertThat(step.has("iterativeflow.outcome", "completed")).isTrue();
                    })
                    .allSatisfy(step -> assertThat(step.traceId()).isEqualTo(traceId));
            assertThat(spans).filteredOn(s -> s.name().equals("flow " + TracedLeafFlow.NAME)
                    || s.name().equals("step shout"))
                    .as("the child run's attempt and step, in its parent's trace").hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(span -> assertThat(span.traceId()).isEqualTo(traceId));

            await("the OTLP exporter to report that nobody listens: the run completed all the same")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> server.messages().contains("Failed to export spans"));
        }
    }

    @Test
    void without_third_party_api_visibility_the_application_deploys_and_runs_untraced() throws Exception {
        WebArchive war = Deployments.war(APP, TelemetryApplication.class, OrdersResource.class,
                TracedOrderFlow.class, TracedLeafFlow.class)
                .addAsResource(new StringAsset(String.join("\n",
                        "otel.sdk.disabled=false",
                        "otel.traces.exporter=logging",
                        "otel.metrics.exporter=none",
                        "otel.logs.exporter=none",
                        "")), "META-INF/microprofile-config.properties");
        try (LibertyServer server = LibertyServer.create("flowTelemetryHidden", 32, war, List.of())) {
            Files.writeString(server.directory().resolve("configDropins/overrides/telemetry.xml"), String.join("\n",
                    "<server>",
                    "  <featureManager>",
                    "    <feature>mpTelemetry-2.0</feature>",
                    "  </featureManager>",
                    "</server>",
                    ""));
            server.start(APP + "/api/orders/ready");

            HttpResponse<String> started = http.send(HttpRequest.newBuilder(server.uri(APP + "/api/orders"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("quiet")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            String runId = started.body().trim();
            await("run " + runId + " to complete").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                    .until(() -> status(server, runId), "completed"::equals);

            assertThat(spans(server)).as("the server traces its requests, the engine nothing")
                    .anySatisfy(span -> assertThat(span.name()).startsWith("POST "))
                    .noneSatisfy(span -> assertThat(span.scope()).startsWith("io.iterativeflow"));
            assertThat(server.messages()).doesNotContain("iterativeflow traces runs");
        }
    }

    /** Adds the feature and deploys the WAR from apps/ with third-party API visibility (dropins cannot have it). */
    private static void enableTelemetry(Path server, String warName) throws IOException {
        Files.createDirectories(server.resolve("apps"));
        Files.move(server.resolve("dropins").resolve(warName), server.resolve("apps").resolve(warName));
        Files.writeString(server.resolve("configDropins/overrides/telemetry.xml"), String.join("\n",
                "<server>",
                "  <featureManager>",
                "    <feature>mpTelemetry-2.0</feature>",
                "  </featureManager>",
                "  <webApplication location=\"" + warName + "\" contextRoot=\"/" + APP + "\">",
                "    <classloader apiTypeVisibility=\"+third-party\"/>",
                "  </webApplication>",
                "  <logging traceSpecification=\"*=info:io.iterativeflow.*=fine\"/>",
                "</server>",
                ""));
    }

    private String status(LibertyServer server, String runId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri(APP + "/api/orders/" + runId))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.body().trim();
    }

    private static List<Exported> spans(LibertyServer server) throws IOException {
        Matcher matcher = SPAN.matcher(server.messages());
        List<Exported> spans = new java.util.ArrayList<>();
        while (matcher.find()) {
            spans.add(new Exported(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(5),
                    matcher.group(6)));
        }
        return spans;
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        value[0] |= 1; // never all zeros, which is not a valid id
        return value;
    }

    /** A local port that was free a moment ago: an OTLP endpoint where nobody listens. */
    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
