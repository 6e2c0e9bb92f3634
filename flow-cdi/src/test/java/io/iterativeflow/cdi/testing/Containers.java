package io.iterativeflow.cdi.testing;

import io.iterativeflow.cdi.internal.FlowExtension;
import jakarta.enterprise.inject.spi.Extension;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Weld SE containers a test boots itself (for deployments that must fail, or must start without the test touching
 * them). Discovery is off, so only the given classes are beans and Weld loads no extension from
 * {@code META-INF/services}: the flow extension is added here (a test checks the services file on its own).
 */
public final class Containers {

    private Containers() {
    }

    public static WeldContainer boot(Class<?>... beanClasses) {
        return weld(beanClasses).initialize();
    }

    public static WeldContainer boot(Extension extension, Class<?>... beanClasses) {
        return weld(beanClasses).addExtension(extension).initialize();
    }

    private static Weld weld(Class<?>... beanClasses) {
        return new Weld("flow-cdi-test-" + UUID.randomUUID())
                .disableDiscovery()
                .property("org.jboss.weld.se.shutdownHook", false)
                .addExtension(new FlowExtension())
                .addBeanClasses(beanClasses);
    }
}
