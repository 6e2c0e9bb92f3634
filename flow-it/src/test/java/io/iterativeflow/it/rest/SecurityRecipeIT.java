package io.iterativeflow.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.rest.Http.Answer;
import io.iterativeflow.it.servers.LibertyServer;

/**
 * The README's security recipe on a server of its own, configured with the README's {@code server.xml} elements as
 * written (the XML block with the role binding, read from README.md) and a WAR without {@code web.xml}, deployed
 * from {@code apps/} as the recipe says: no credentials 401, a user without the role 403, a user the binding maps
 * to the role 200, all answers of the module JSON. A second application declares a role of its own.
 */
class SecurityRecipeIT {

    private static final String READY = "app/api/ping";

    /** A second application with a role of its own, declared on its REST root and bound like the README's. */
    private static final String CUSTOM_ROLE_APP = """
            <server>
              <webApplication location="custom.war" contextRoot="/custom">
                <application-bnd>
                  <security-role name="flow-operator">
                    <group name="flow-operators"/>
                  </security-role>
                </application-bnd>
              </webApplication>
            </server>
            """;

    private static LibertyServer server;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startTheServerAsTheReadmeSays() throws Exception {
        WebArchive war = Deployments.withRestApi(Deployments.war("app", RestApplication.class, PingResource.class,
                ParcelFlow.class, ParcelFlow.Parcel.class, ParcelFlow.Quote.class, ReviewFlow.class,
                ReviewFlow.Review.class));
        assertThat(war.contains("WEB-INF/web.xml")).as("the application has no web.xml").isFalse();
        server = LibertyServer.create("flowSecured", 14, war, List.of());
        Path dropin = server.directory().resolve("dropins/app.war");
        Files.createDirectories(server.directory().resolve("apps"));
        Files.move(dropin, server.directory().resolve("apps/app.war"));
        Files.writeString(server.directory().resolve("configDropins/overrides/security.xml"),
                "<server>\n" + ReadmeBlocks.xmlBlockContaining("<application-bnd>") + "\n</server>\n");
        Deployments.withRestApi(Deployments.war("custom", DeclaredRoleApplication.class, ParcelFlow.class,
                ParcelFlow.Parcel.class, ParcelFlow.Quote.class))
                .addAsResource(new StringAsset("flow.rest.role=" + DeclaredRoleApplication.ROLE),
                        "META-INF/microprofile-config.properties")
                .as(ZipExporter.class).exportTo(server.directory().resolve("apps/custom.war").toFile(), true);
        Files.writeString(server.directory().resolve("configDropins/overrides/custom.xml"), CUSTOM_ROLE_APP);
        server.start(READY, Duration.ofMinutes(7));
    }

    @AfterAll
    static void stopTheServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_request_without_valid_credentials_gets_401_in_json() throws Exception {
        for (String credentials : new String[] {null, "ada:wrong-password"}) {
            Answer answer = get("runs?limit=1", credentials);

            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
            assertThat(answer.json().getString("code")).isEqualTo("ACCESS_DENIED");
            assertThat(answer.json().getString("message")).contains("flow-admin");
        }
    }

    @Test
    void a_user_without_the_role_gets_403_in_json() throws Exception {
        Answer answer = get("runs?limit=1", "bob:bob-secret");

        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.json().getString("code")).isEqualTo("ACCESS_DENIED");
        assertThat(answer.json().getString("message")).contains("'bob'", "flow-admin");
    }

    @Test
    void a_user_the_binding_maps_to_the_role_is_served() throws Exception {
        Answer listed = get("runs?limit=1", "ada:ada-secret");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().containsKey("items")).isTrue();

        Answer started = send(request("flows/it-parcel/runs", "ada:ada-secret")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"p-1\",\"grams\":1500}")));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String runId = started.json().getString("runId");
        Answer read = get("runs/" + runId, "ada:ada-secret");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
    }

    @Test
    void the_signed_in_user_is_recorded_as_the_starter_of_a_run_and_the_sender_of_a_bulk_signal() throws Exception {
        List<String> runIds = new java.util.ArrayList<>();
        for (String subject : List.of("film", "book")) {
            Answer started = send(request("flows/it-review/runs", "ada:ada-secret")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("\"" + subject + "\"")));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            runIds.add(started.json().getString("runId"));
        }
        for (String runId : runIds) {
            await().atMost(Duration.ofSeconds(60)).until(() -> get("runs/" + runId, "ada:ada-secret").json()
                    .getString("status").equals("awaiting_signal"));
        }
        String unknown = java.util.UUID.randomUUID().toString();

        Answer signaled = send(request("runs/signals", "ada:ada-secret").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"runIds\": [\"" + runIds.get(0) + "\", \"" + unknown
                        + "\", \"" + runIds.get(1) + "\"], \"name\": \"review\","
                        + " \"payload\": {\"stars\": 5, \"text\": \"fine\"}}")));
        Answer refused = send(request("runs/signals", "ada:ada-secret").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"runIds\": [], \"name\": \"review\"}")));

        assertThat(signaled.status()).as(signaled.body()).isEqualTo(200);
        assertThat(signaled.json().getJsonArray("results").getValuesAs(jakarta.json.JsonObject.class))
                .extracting(r -> r.getString("runId"), r -> r.getString("delivery"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(runIds.get(0), "delivered"),
                        org.assertj.core.groups.Tuple.tuple(unknown, "not_found"),
                        org.assertj.core.groups.Tuple.tuple(runIds.get(1), "delivered"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().getString("code")).isEqualTo("ARGUMENT_INVALID");
        jakarta.json.JsonObject run = get("runs/" + runIds.get(0), "ada:ada-secret").json();
        assertThat(run.getString("startedBy")).isEqualTo("ada");
        assertThat(run.getJsonArray("events").getValuesAs(jakarta.json.JsonObject.class))
                .filteredOn(e -> List.of("created", "signal_delivered").contains(e.getString("type")))
                .extracting(e -> e.getString("actor")).containsExactly("ada", "ada");
        assertThat(get("runs?name=it-review", "ada:ada-secret").json().getJsonArray("items")
                .getValuesAs(jakarta.json.JsonObject.class)).filteredOn(item -> runIds.contains(item.getString("runId")))
                .hasSize(2).allSatisfy(item -> assertThat(item.getString("startedBy")).isEqualTo("ada"));
    }

    @Test
    void a_role_of_the_applications_own_is_honoured_once_declared_on_its_rest_root() throws Exception {
        Answer listed = await("the second application answers").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> send(HttpRequest.newBuilder(server.uri("custom/api/runs?limit=1"))
                        .header("Authorization", basic("ada:ada-secret")).GET()), a -> a.status() != 404);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);

        Answer refused = send(HttpRequest.newBuilder(server.uri("custom/api/runs?limit=1"))
                .header("Authorization", basic("bob:bob-secret")).GET());
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().getString("message")).contains(DeclaredRoleApplication.ROLE);
    }

    @Test
    void the_applications_own_resources_stay_open() throws Exception {
        Answer ping = get("ping", null);

        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("pong");
    }

    private Answer get(String path, String credentials) throws Exception {
        return send(request(path, credentials).GET());
    }

    private static HttpRequest.Builder request(String path, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("app/api/" + path))
                .timeout(Duration.ofSeconds(60));
        if (credentials != null) {
            request.header("Authorization", basic(credentials));
        }
        return request;
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }

    /** Reads README.md of the repository. */
    static final class ReadmeBlocks {

        private ReadmeBlocks() {
        }

        /** The first fenced {@code xml} block of the README that contains {@code marker}, without its fences. */
        static String xmlBlockContaining(String marker) throws Exception {
            String readme = Files.readString(Path.of("..", "README.md"));
            int from = 0;
            while (true) {
                int start = readme.indexOf("```xml\n", from);
                assertThat(start).as("an xml block with " + marker + " in README.md").isNotNegative();
                int end = readme.indexOf("```", start + 7);
                String block = readme.substring(start + 7, end);
                if (block.contains(marker)) {
                    return block;
                }
                from = end + 3;
            }
        }
    }
}
