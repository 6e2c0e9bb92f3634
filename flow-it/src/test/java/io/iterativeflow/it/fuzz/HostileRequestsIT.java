package io.iterativeflow.it.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.fuzz.RawHttp.Answer;

/**
 * Thousands of hostile requests against the REST module on Liberty with the reference server.xml: broken, huge,
 * deeply nested and wrongly typed bodies, NUL characters, numbers no field holds, unknown charsets and media types,
 * encoded dots, slashes and hashes in paths, wrong methods, bad query parameters and headers. Every answer must be a
 * success or a 4xx with a JSON {@code code} and {@code message}: no 5xx, stack trace or Java name. Afterwards the
 * server is healthy and a run started before the storm completes as it would have.
 *
 * <p>The requests are drawn from a seed, printed at the start; {@code -Dflow.it.fuzz.seed=<seed>} repeats a run and
 * {@code -Dflow.it.fuzz.requests=<n>} changes how many are sent (default {@value #DEFAULT_REQUESTS}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileRequestsIT {

    static final int DEFAULT_REQUESTS = 5_000;
    private static final int CLIENTS = 6;
    private static final int REPORTED = 25;

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withRestApi(Deployments.war("hostile", io.iterativeflow.it.rest.RestApplication.class,
                io.iterativeflow.it.rest.ParcelFlow.class, io.iterativeflow.it.rest.ParcelFlow.Parcel.class,
                io.iterativeflow.it.rest.ParcelFlow.Quote.class, io.iterativeflow.it.rest.ReviewFlow.class,
                io.iterativeflow.it.rest.ReviewFlow.Review.class))
                .addAsResource(new StringAsset("flow.rest.role=none\n"), "META-INF/microprofile-config.properties");
    }

    @Test
    void every_hostile_request_gets_a_json_client_error_or_a_success_and_no_run_is_harmed() throws Exception {
        long seed = Long.getLong("flow.it.fuzz.seed", System.nanoTime());
        int count = Integer.getInteger("flow.it.fuzz.requests", DEFAULT_REQUESTS);
        KnownClient http = new KnownClient(app);
        Targets targets = targets(http);
        List<Shape> shapes = new ArrayList<>(BodyShapes.all());
        shapes.addAll(RequestShapes.all());
        System.out.println("HostileRequestsIT: seed " + seed + " (repeat with -Dflow.it.fuzz.seed=" + seed + "), "
                + count + " requests over " + shapes.size() + " shapes");

        List<String> broken = storm(seed, count, shapes, targets);

        assertThat(broken).as("answers that break the rules (seed " + seed + ")").isEmpty();
        assertThat(shapes.size()).isGreaterThan(200);
        assertThat(http.root("/health").body()).as("health after the storm").contains("UP")
                .doesNotContain("DOWN");
        assertThat(http.json("api/runs/" + targets.guarded()).getString("status")).isEqualTo("awaiting_signal");
        http.post("api/runs/" + targets.guarded() + "/signals/review", "{\"stars\": 5, \"text\": \"calm\"}");
        http.post("api/runs/" + targets.guarded() + "/signals/note", "\"after the storm\"");
        JsonObject result = http.json("api/runs/" + targets.guarded() + "/result?timeout=60s");
        assertThat(result.getString("status")).as(result.toString()).isEqualTo("completed");
        assertThat(result.getString("output")).isEqualTo("guarded: 5 stars, calm (after the storm)");
    }

    private List<String> storm(long seed, int count, List<Shape> shapes, Targets targets) throws Exception {
        RawHttp raw = new RawHttp(app.getHost(), app.getPort());
        List<String> broken = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Random random = new Random(seed * 1_000_003L + i);
                HostileRequest request = shapes.get(random.nextInt(shapes.size())).make(random, targets);
                sent.add(clients.submit(() -> {
                    Answer answer = raw.send(request);
                    statuses.computeIfAbsent(String.valueOf(answer.status()), s -> new AtomicInteger())
                            .incrementAndGet();
                    AnswerRules.broken(answer, false).ifPresent(why -> {
                        if (broken.size() < REPORTED) {
                            broken.add(why + " <- " + request.describe() + " -> " + answer.status() + " "
                                    + answer.body().substring(0, Math.min(300, answer.body().length())));
                        }
                    });
                    return null;
                }));
            }
            for (Future<?> answer : sent) {
                answer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.println("HostileRequestsIT: answers by status " + new java.util.TreeMap<>(statuses));
        return broken;
    }

    private Targets targets(KnownClient http) throws Exception {
        String api = app.getPath() + "api";
        String completed = http.start("api/flows/it-parcel/runs", "{\"id\":\"done\",\"grams\":10}");
        String guarded = http.start("api/flows/it-review/runs", "\"guarded\"");
        List<String> reviewers = new ArrayList<>();
        List<String> sleepers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            reviewers.add(http.start("api/flows/it-review/runs", "\"reviewer " + i + "\""));
            sleepers.add(http.start("api/flows/it-parcel/runs", "{\"id\":\"s" + i + "\",\"grams\":1,\"hold\":true}"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(http.json("api/runs/" + completed)
                .getString("status")) && "awaiting_signal".equals(http.json("api/runs/" + guarded).getString("status")));
        return new Targets(api, completed, guarded, reviewers, sleepers);
    }
}
