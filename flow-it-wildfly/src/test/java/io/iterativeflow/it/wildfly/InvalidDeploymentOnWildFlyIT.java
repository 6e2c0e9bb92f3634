package io.iterativeflow.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.metrics.MetricsApplication;

/**
 * What fails a deployment on Open Liberty fails it on WildFly too, with the problem in the deployment's failure: a
 * WAR with two flows of the same name and version is refused, naming both classes, and serves nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvalidDeploymentOnWildFlyIT {

    private static final String BROKEN = "broken";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = BROKEN, managed = false, testable = false)
    static WebArchive broken() {
        return Deployments.war(BROKEN, MetricsApplication.class, TwinFlows.class, TwinFlows.First.class,
                TwinFlows.Second.class);
    }

    @Test
    void two_flows_with_one_name_fail_the_deployment_naming_both() throws Exception {
        Throwable failure = catchThrowable(() -> deployer.deploy(BROKEN));

        assertThat(failure).as("the deployment of " + BROKEN + ".war").isNotNull();
        String message = messages(failure);
        assertThat(message)
                .contains("[FLOW_INVALID] FLOWCDI006: flow " + TwinFlows.TWIN + "@1 is defined more than once")
                .contains(TwinFlows.First.class.getName(), TwinFlows.Second.class.getName());
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(WildFlyServer.http("/" + BROKEN + "/api/flows")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).as("the broken application serves nothing").isEqualTo(404);
    }

    /** The messages of {@code failure} and of its causes, one per line. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
