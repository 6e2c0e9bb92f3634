package io.iterativeflow.cdi.testing;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * MicroProfile Config for one test: while open, {@code ConfigProvider.getConfig()} on this thread's class loader
 * returns a config holding exactly the given keys (no system properties, no environment), so tests never see each
 * other's values. {@link #close()} removes it.
 */
public final class TestConfig implements AutoCloseable {

    private final Config config;
    private final ClassLoader classLoader;

    private TestConfig(Map<String, String> values) {
        this.classLoader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(classLoader));
        this.config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test config", 500))
                .build();
        resolver.registerConfig(config, classLoader);
    }

    /** @param entries {@code key=value} pairs */
    public static TestConfig of(String... entries) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("expected key=value, got '" + entry + "'");
            }
            values.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return new TestConfig(values);
    }

    @Override
    public void close() {
        ConfigProviderResolver.instance().releaseConfig(config);
    }
}
