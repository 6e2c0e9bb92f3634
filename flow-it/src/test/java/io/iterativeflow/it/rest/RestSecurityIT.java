package io.iterativeflow.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import io.iterativeflow.it.rest.Http.Answer;

/**
 * The REST module's role check with its default role ({@code flow-admin}): an anonymous caller is refused with a JSON
 * error and nothing is started, while the application's own resources stay open.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestSecurityIT {

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withRestApi(Deployments.war("restsecured", RestApplication.class, PingResource.class,
                ParcelFlow.class, ParcelFlow.Parcel.class, ParcelFlow.Quote.class));
    }

    @Test
    void an_anonymous_caller_is_refused_and_starts_nothing() throws Exception {
        Http http = new Http(app);
        String key = "anonymous-" + UUID.randomUUID();

        Answer start = http.post("flows/it-parcel/runs", "{\"id\":\"p\",\"grams\":1}",
                java.util.Map.of("Idempotency-Key", key));
        assertThat(start.status()).as(start.body()).isEqualTo(401);
        assertThat(start.json().getString("code")).isEqualTo("ACCESS_DENIED");
        assertThat(start.json().getString("message")).contains("flow-admin").contains("flow.rest.role");

        Answer read = http.get("runs/" + UUID.randomUUID());
        assertThat(read.status()).isEqualTo(401);
        assertThat(runsWithKey(key)).isZero();
    }

    private static long runsWithKey(String key) throws SQLException {
        try (Connection connection = TestDatabase.fromEnvironment().connect();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from workflow.runs where idempotency_key = ?")) {
            count.setString(1, key);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void the_applications_own_resources_are_not_affected() throws Exception {
        Answer ping = new Http(app).get("ping");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("pong");
    }
}
