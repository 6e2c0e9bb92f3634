package io.iterativeflow.it.wildfly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

import io.iterativeflow.it.TestDatabase;

/**
 * Before Arquillian starts WildFly, checks that the test database answers and writes its coordinates as the
 * {@code flow.db.*} system properties that configure.cli's data sources read; the server loads the file at start
 * ({@code --properties} in arquillian.xml). The test JVM and the server so always use the same database, whichever way
 * {@link TestDatabase} found it.
 */
public final class WildFlyTestDatabase implements LoadableExtension {

    /** WildFly refuses an empty password; a server that trusts loopback connections never asks for it. */
    static final String UNUSED_PASSWORD = "unused-with-trust-authentication";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(PropertiesWriter.class);
    }

    /** The observer; public for Arquillian. */
    public static final class PropertiesWriter {

        void pointServerAtTestDatabase(@Observes BeforeStart event) throws IOException {
            TestDatabase database = TestDatabase.fromEnvironment();
            database.requireReachable();
            Properties properties = new Properties();
            properties.setProperty("flow.db.url", database.url());
            properties.setProperty("flow.db.user", database.user());
            properties.setProperty("flow.db.password",
                    database.password().isEmpty() ? UNUSED_PASSWORD : database.password());
            Path file = Path.of(WildFlyServer.required("flow.wildfly.database.properties"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (java.io.Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "Written by WildFlyTestDatabase before each server start");
            }
        }
    }
}
