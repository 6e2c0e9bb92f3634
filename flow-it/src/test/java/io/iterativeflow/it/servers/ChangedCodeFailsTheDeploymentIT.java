package io.iterativeflow.it.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.TestDatabase;
import io.iterativeflow.it.evolve.LabelledParcelFlow;
import io.iterativeflow.it.evolve.ParcelsResource;
import io.iterativeflow.it.evolve.RenamedLabelParcelFlow;
import io.iterativeflow.it.rest.PingResource;
import io.iterativeflow.it.rest.RestApplication;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A code flow changed in place on Open Liberty: a run of the old code waits for a signal the new code renamed, and
 * the deployment of the new code ({@code flow.versions.check=fail}) fails naming the run, found by the dry replay,
 * which leaves the run as it was.
 */
class ChangedCodeFailsTheDeploymentIT {

    private static final String APP = "parcels";
    private static final int PORT_OFFSET = 15;

    @Test
    void a_run_the_changed_code_cannot_follow_fails_the_deployment_and_is_named() throws Exception {
        String runId;
        try (LibertyServer server = LibertyServer.create("flowParcelsV1", PORT_OFFSET,
                war(LabelledParcelFlow.class, ""), List.of())) {
            server.start(APP + "/api/ping");
            HttpResponse<String> started = await("the engine accepts a start").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(250)).until(() -> HttpClient.newHttpClient().send(
                            HttpRequest.newBuilder(server.uri(APP + "/api/parcels"))
                                    .POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() != 503);
            assertThat(started.statusCode()).as("start answered %s", started.body()).isEqualTo(201);
            runId = started.body();
            await().atMost(Duration.ofMinutes(1)).until(() -> row(runId).startsWith("awaiting_signal/"));
        }
        String before = row(runId);

        try (LibertyServer server = LibertyServer.create("flowParcelsV2", PORT_OFFSET,
                war(RenamedLabelParcelFlow.class, "flow.versions.check=fail\n"), List.of())) {
            server.startServerOnly();
            await("the application not to start (CWWKZ0012I or CWWKZ0002E) in " + server.directory())
                    .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> server.messages().contains("CWWKZ0012I")
                            || server.messages().contains("CWWKZ0002E"));

            assertThat(server.messages()).contains("FLOWCDI042: in-flight run " + runId + " of flow parcel@1 cannot"
                    + " replay on the deployed flows: run " + runId + " waits at signal 'signal:label', which flow"
                    + " parcel@1 as deployed never reaches: before it, the code stops at signal 'signal:tag'")
                    .as("no engine started").doesNotContain("flow definition(s)");
        }
        assertThat(row(runId)).as("status, attempts and lease unchanged").isEqualTo(before);
    }

    private static WebArchive war(Class<?> flow, String config) {
        return Deployments.war(APP, RestApplication.class, PingResource.class, ParcelsResource.class, flow)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    /** The run's status, attempts, lease owner and expiry, and last update. */
    private static String row(String runId) throws Exception {
        try (Connection connection = TestDatabase.fromEnvironment().connect();
                PreparedStatement query = connection.prepareStatement("SELECT status, attempts, lease_owner,"
                        + " lease_expires_at, updated_at FROM workflow.runs WHERE id = CAST(? AS uuid)")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("run %s exists", runId).isTrue();
                return row.getString(1) + "/" + row.getInt(2) + "/" + row.getString(3) + "/" + row.getString(4)
                        + "/" + row.getString(5);
            }
        }
    }
}
