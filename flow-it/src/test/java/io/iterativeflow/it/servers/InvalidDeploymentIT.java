package io.iterativeflow.it.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.rest.PingResource;
import io.iterativeflow.it.rest.RestApplication;

/**
 * A WAR whose MicroProfile Config holds invalid engine settings: Liberty refuses to start the application, and its
 * log names every bad key with its value, in one message. A managed executor that the server does not define is such
 * a setting too: the engine never runs flows on threads of its own instead.
 */
class InvalidDeploymentIT {

    private static final String APP = "broken";

    @Test
    void invalid_settings_fail_the_deployment_and_the_log_names_every_bad_key() throws Exception {
        WebArchive war = Deployments.war(APP, RestApplication.class, PingResource.class, SlowStepsFlow.class,
                SlowStepsFlow.Job.class)
                .addAsResource(new StringAsset("flow.worker.lease=banana\nflow.worker.concurrency=-3\n"),
                        "META-INF/microprofile-config.properties");
        try (LibertyServer server = LibertyServer.create("flowBroken", 14, war, List.of())) {
            server.startServerOnly();
            await("the application's start to fail (CWWKZ0002E) in " + server.directory())
                    .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> server.messages().contains("CWWKZ0002E"));

            String log = server.messages();
            String failure = log.substring(log.indexOf("CWWKZ0002E"));
            assertThat(failure).contains("application " + APP).contains("Exception List with 2 exceptions")
                    .contains("[CONFIG_INVALID]").contains("flow.worker.lease='banana'")
                    .contains("flow.worker.concurrency");
            HttpResponse<Void> ping = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.uri(APP + "/api/ping")).GET().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(ping.statusCode()).as("the broken application serves nothing").isEqualTo(404);
        }
    }

    @Test
    void an_executor_the_server_does_not_define_fails_the_deployment_naming_the_key() throws Exception {
        WebArchive war = Deployments.war(APP, RestApplication.class, PingResource.class, SlowStepsFlow.class,
                SlowStepsFlow.Job.class)
                .addAsResource(new StringAsset("flow.worker.executor=concurrent/flows\n"),
                        "META-INF/microprofile-config.properties");
        try (LibertyServer server = LibertyServer.create("flowBroken", 14, war, List.of())) {
            server.startServerOnly();
            await("the application not to start (CWWKZ0012I) in " + server.directory())
                    .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> server.messages().contains("CWWKZ0012I"));

            String log = server.messages();
            assertThat(log).contains("The application " + APP + " was not started")
                    .contains("[CONFIG_INVALID] FLOWCDI033: no managed executor for iterativeflow: the JNDI lookup of"
                            + " 'concurrent/flows' (flow.worker.executor) failed")
                    .as("no engine started").doesNotContain("flow definition(s)");
            HttpResponse<Void> ping = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.uri(APP + "/api/ping")).GET().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(ping.statusCode()).as("the broken application serves nothing").isEqualTo(404);
        }
    }
}
