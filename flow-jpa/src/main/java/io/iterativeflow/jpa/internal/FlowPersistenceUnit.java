package io.iterativeflow.jpa.internal;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * The persistence unit of the store, described in code instead of a {@code persistence.xml}: our entity classes
 * only, nothing scanned, resource-local over the given data source, no bytecode transformers.
 */
final class FlowPersistenceUnit implements PersistenceUnitInfo {

    static final String NAME = "iterativeflow";

    private final DataSource dataSource;
    private final List<String> classes;
    private final ClassLoader classLoader;

    FlowPersistenceUnit(DataSource dataSource, List<String> classes, ClassLoader classLoader) {
        this.dataSource = dataSource;
        this.classes = List.copyOf(classes);
        this.classLoader = classLoader;
    }

    @Override public String getPersistenceUnitName() { return NAME; }
    @Override public String getPersistenceProviderClassName() { return HibernatePersistenceProvider.class.getName(); }
    @Override public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }
    @Override public DataSource getJtaDataSource() { return null; }
    @Override public DataSource getNonJtaDataSource() { return dataSource; }
    @Override public List<String> getMappingFileNames() { return List.of(); }
    @Override public List<URL> getJarFileUrls() { return List.of(); }
    @Override public URL getPersistenceUnitRootUrl() { return null; }
    @Override public List<String> getManagedClassNames() { return classes; }
    @Override public boolean excludeUnlistedClasses() { return true; }
    @Override public SharedCacheMode getSharedCacheMode() { return SharedCacheMode.NONE; }
    @Override public ValidationMode getValidationMode() { return ValidationMode.NONE; }
    @Override public Properties getProperties() { return new Properties(); }
    @Override public String getPersistenceXMLSchemaVersion() { return "3.1"; }
    @Override public ClassLoader getClassLoader() { return classLoader; }
    @Override public ClassLoader getNewTempClassLoader() { return classLoader; }

    /** Ignored on purpose: enhancement is off, and a transformer breaks Open Liberty (CWWJP0055E). */
    @Override public void addTransformer(ClassTransformer transformer) {
    }
}
