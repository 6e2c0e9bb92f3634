package io.iterativeflow.it.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.TestDatabase;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SmokeIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("smoke", SmokeApplication.class, SmokeResource.class);
    }

    @Test
    void the_server_runs_select_1_through_the_flow_datasource() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("api/smoke/select-one")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1");
    }

    @Test
    void a_row_written_by_the_server_is_in_postgresql() throws Exception {
        String token = UUID.randomUUID().toString();

        HttpResponse<String> response = send(
                HttpRequest.newBuilder(uri("api/smoke/rows/" + token)).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(rowsWithToken(token)).isEqualTo(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) throws Exception {
        return app.toURI().resolve(path);
    }

    private static int rowsWithToken(String token) throws Exception {
        try (Connection connection = TestDatabase.fromEnvironment().connect();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from " + SmokeResource.TABLE + " where token = ?")) {
            query.setString(1, token);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
