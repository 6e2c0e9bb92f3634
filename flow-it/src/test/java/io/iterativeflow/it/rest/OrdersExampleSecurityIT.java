package io.iterativeflow.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.servers.LibertyServer;

/**
 * The orders example as its README runs it: its own settings and its own {@code configDropins/overrides/orders.xml}
 * (the project README's security recipe) on the reference server.xml, the WAR in {@code apps/}. The walk-through's
 * user {@code grace} is served, {@code linus} gets 403, a request without credentials 401.
 */
class OrdersExampleSecurityIT {

    private static final Path EXAMPLE = Path.of("..", "examples", "orders", "src", "main");

    /** Nothing about the database: the server.xml's defaults choose H2, a file in the server's directory. */
    private static final String DEFAULTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <server/>
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void the_example_serves_its_operator_and_refuses_everyone_else() throws Exception {
        WebArchive war = Deployments.withRestApi(Deployments.war("orders"))
                .addPackages(true, "io.iterativeflow.examples.orders")
                .addAsResource(EXAMPLE.resolve("resources/META-INF/microprofile-config.properties").toFile(),
                        "META-INF/microprofile-config.properties");
        try (LibertyServer server = LibertyServer.create("flowOrdersSecured", 11, war, List.of(), DEFAULTS)) {
            Files.createDirectories(server.directory().resolve("apps"));
            Files.move(server.directory().resolve("dropins/orders.war"), server.directory().resolve("apps/orders.war"));
            Files.copy(EXAMPLE.resolve("liberty/config/configDropins/overrides/orders.xml"),
                    server.directory().resolve("configDropins/overrides/orders.xml"));
            server.start("orders/api/inventory/kettle");

            HttpResponse<String> anonymous = get(server, null);
            assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
            assertThat(anonymous.body()).contains("\"code\":\"ACCESS_DENIED\"");

            HttpResponse<String> linus = get(server, "linus:linus-secret");
            assertThat(linus.statusCode()).as(linus.body()).isEqualTo(403);
            assertThat(linus.body()).contains("\"code\":\"ACCESS_DENIED\"", "'linus'");

            HttpResponse<String> grace = get(server, "grace:grace-secret");
            assertThat(grace.statusCode()).as(grace.body()).isEqualTo(200);
            assertThat(grace.body()).contains("\"items\"");
        }
    }

    private HttpResponse<String> get(LibertyServer server, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("orders/api/runs?name=order&limit=5"))
                .timeout(Duration.ofSeconds(60));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
