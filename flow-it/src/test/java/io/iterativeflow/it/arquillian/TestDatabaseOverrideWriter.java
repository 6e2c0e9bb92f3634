package io.iterativeflow.it.arquillian;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

import io.iterativeflow.it.TestDatabase;

/**
 * Before Arquillian starts Liberty, checks that the test database answers and points the server's
 * {@code jdbc/flow} data source at it, through a {@code configDropins/overrides} file that sets the
 * {@code flow.db.*} variables of flow-server-config's server.xml. The test JVM and the server so always
 * use the same database, whichever way {@link TestDatabase} found it.
 */
public class TestDatabaseOverrideWriter {

    static final String OVERRIDE_FILE = "configDropins/overrides/flow-test-database.xml";

    @Inject
    private Instance<ContainerRegistry> registry;

    void pointServerAtTestDatabase(@Observes BeforeStart event) throws IOException {
        TestDatabase database = TestDatabase.fromEnvironment();
        database.requireReachable();
        for (Container<?> container : registry.get().getContainers()) {
            if (container.getDeployableContainer() == event.getDeployableContainer()) {
                Path file = serverDirectory(container.getContainerConfiguration().getContainerProperties())
                        .resolve(OVERRIDE_FILE);
                Files.createDirectories(file.getParent());
                Files.writeString(file, overrides(database));
            }
        }
    }

    private static Path serverDirectory(Map<String, String> properties) {
        return Path.of(properties.get("wlpHome"), "usr", "servers",
                properties.getOrDefault("serverName", "defaultServer"));
    }

    public static String overrides(TestDatabase database) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- Written by flow-it's TestDatabaseOverrideWriter before each server start. -->\n"
                + "<server>\n"
                + variable("flow.db", "postgresql")
                + variable("flow.db.url", database.url())
                + variable("flow.db.user", database.user())
                + variable("flow.db.password", database.password())
                + "</server>\n";
    }

    private static String variable(String name, String value) {
        return "  <variable name=\"" + name + "\" value=\"" + xmlEscape(value) + "\"/>\n";
    }

    private static String xmlEscape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
