package io.iterativeflow.it.wildfly;

import java.net.URI;
import java.nio.file.Path;

/** Where the test server is: its home folder and its management interface (health, metrics). */
final class WildFlyServer {

    private WildFlyServer() {
    }

    /** The management interface, where WildFly serves {@code /health} and {@code /metrics}. */
    static URI management(String path) {
        return URI.create("http://127.0.0.1:" + required("flow.wildfly.management.port") + path);
    }

    /** The HTTP listener, where the applications are (8080 plus the port offset). */
    static URI http(String path) {
        return URI.create("http://127.0.0.1:" + (8080 + Integer.parseInt(required("flow.wildfly.port.offset"))) + path);
    }

    /** The server's log file. */
    static Path log() {
        return Path.of(required("flow.wildfly.home"), "standalone", "log", "server.log");
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests with Maven"
                    + " (flow-it-wildfly/pom.xml passes it to failsafe)");
        }
        return value;
    }
}
