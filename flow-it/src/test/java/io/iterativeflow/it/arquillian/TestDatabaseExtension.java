package io.iterativeflow.it.arquillian;

import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link TestDatabaseOverrideWriter} with Arquillian (see META-INF/services). */
public final class TestDatabaseExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(TestDatabaseOverrideWriter.class);
    }
}
