package io.iterativeflow.cdi.internal;

import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The application's MicroProfile Config as a key lookup; the only class that touches the Config API. */
final class MicroProfileConfig {

    private static final Logger LOG = Logger.getLogger(MicroProfileConfig.class.getName());

    private MicroProfileConfig() {
    }

    /** The lookup of the deployment's config, or one that finds nothing (all defaults) when there is none. */
    static Function<String, Optional<String>> lookup() {
        Config config;
        try {
            config = ConfigProvider.getConfig();
        } catch (IllegalStateException | ServiceConfigurationError e) {
            return absent(e);
        }
        return key -> config.getOptionalValue(key, String.class);
    }

    /** The names of every configured property (for spotting misspelled keys); empty when there is no config. */
    static Iterable<String> propertyNames() {
        try {
            return ConfigProvider.getConfig().getPropertyNames();
        } catch (IllegalStateException | ServiceConfigurationError | LinkageError e) {
            return List.of();
        }
    }

    /** A lookup that finds nothing, for when there is no MicroProfile Config implementation (or API). */
    static Function<String, Optional<String>> absent(Throwable why) {
        LOG.warning(() -> "MicroProfile Config is not available (" + why + "); iterativeflow uses its defaults."
                + " Enable MicroProfile Config (Liberty feature mpConfig) to set the flow.* keys");
        return key -> Optional.empty();
    }
}
