package io.iterativeflow.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Finds the application's {@code MetricRegistry} through an injection point of its own (the registry producers
 * read the registry scope from the injection point, so a lookup through {@code CDI.current()} does not work).
 * Added as a bean only when the MicroProfile Metrics API is there.
 */
@ApplicationScoped
class MetricsSource {

    @Inject
    Instance<MetricRegistry> registries;

    /** The application registry, or empty when the API has no implementation here. */
    Optional<MetricRegistry> registry() {
        return registries.isResolvable() ? Optional.ofNullable(registries.get()) : Optional.empty();
    }
}
