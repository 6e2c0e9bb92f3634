package io.iterativeflow.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.jboss.shrinkwrap.resolver.api.maven.PomEquippedResolveStage;

/**
 * Builds the WARs that the integration tests deploy to Liberty.
 *
 * <p>Every WAR carries the compile and runtime dependencies of flow-it's {@code pom.xml} in
 * {@code WEB-INF/lib}: declare the engine modules there (compile scope) and each test app ships them, with
 * their own runtime dependencies. Liberty provides the Jakarta EE and MicroProfile APIs; the JDBC driver is
 * a shared library of the server.
 */
public final class Deployments {

    private static final String NOTHING_TO_RESOLVE = "No dependencies were set for resolution";

    private Deployments() {
    }

    /** A WAR named {@code name}.war (so served under {@code /name}) holding {@code classes} and the libraries. */
    public static WebArchive war(String name, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsLibraries(projectLibraries());
    }

    /** Adds the opt-in REST module (flow-rest, a test dependency of flow-it) to {@code war}. */
    public static WebArchive withRestApi(WebArchive war) {
        File[] rest = Maven.configureResolver()
                .workOffline()
                .loadPomFromFile("pom.xml")
                .resolve("io.iterativeflow:flow-rest")
                .withoutTransitivity()
                .asFile();
        return war.addAsLibraries(rest);
    }

    /** Adds the opt-in dashboard (flow-dashboard, a test dependency of flow-it) and the REST module to {@code war}. */
    public static WebArchive withDashboard(WebArchive war) {
        File[] dashboard = Maven.configureResolver()
                .workOffline()
                .loadPomFromFile("pom.xml")
                .resolve("io.iterativeflow:flow-dashboard")
                .withoutTransitivity()
                .asFile();
        return withRestApi(war).addAsLibraries(dashboard);
    }

    /**
     * The compile and runtime dependencies of flow-it, resolved by ShrinkWrap from {@code pom.xml} in the
     * working directory (failsafe runs in the module folder). Reactor modules resolve without being installed.
     */
    static File[] projectLibraries() {
        PomEquippedResolveStage pom = Maven.configureResolver()
                .workOffline() // Maven already downloaded them for the test classpath
                .loadPomFromFile("pom.xml")
                .importCompileAndRuntimeDependencies();
        try {
            return pom.resolve().withTransitivity().asFile();
        } catch (IllegalArgumentException e) {
            // ShrinkWrap refuses to resolve an empty set instead of returning nothing.
            if (String.valueOf(e.getMessage()).startsWith(NOTHING_TO_RESOLVE)) {
                return new File[0];
            }
            throw e;
        }
    }
}
