package io.iterativeflow.cdi.internal;

import io.iterativeflow.cdi.FlowConfigKeys;
import io.iterativeflow.jpa.JpaFlowStoreBuilder;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Gives the store what it needs to join callers' JTA transactions: the container's
 * {@link TransactionSynchronizationRegistry} (JNDI, else CDI) and the JTA data source named by
 * {@link FlowConfigKeys#JTA_DATASOURCE}. Outside a Jakarta EE server there is no registry and starts always commit on
 * their own.
 */
final class JtaResources {

    static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    private static final Logger LOG = Logger.getLogger(JtaResources.class.getName());

    private JtaResources() {
    }

    static void configure(JpaFlowStoreBuilder store, Function<String, Optional<String>> config) {
        Optional<TransactionSynchronizationRegistry> registry = registry();
        if (registry.isEmpty()) {
            return;
        }
        Optional<String> configured = config.apply(FlowConfigKeys.JTA_DATASOURCE).map(String::trim)
                .filter(name -> !name.isEmpty());
        String name = configured.orElse(FlowConfigKeys.JTA_DATASOURCE_DEFAULT);
        DataSource dataSource = null;
        try {
            dataSource = Jndi.lookup(name, DataSource.class);
        } catch (NamingException e) {
            if (configured.isPresent()) {
                throw Messages.noJtaDataSource(name, FlowConfigKeys.JTA_DATASOURCE, e).toException(e);
            }
            LOG.info(() -> "iterativeflow: no JTA data source at '" + name + "' (" + e + "); runs started inside a"
                    + " JTA transaction will fail with TRANSACTION_INVALID. Define it, or set "
                    + FlowConfigKeys.JTA_DATASOURCE);
        }
        store.jta(registry.get(), dataSource);
    }

    private static Optional<TransactionSynchronizationRegistry> registry() {
        try {
            return Optional.of(Jndi.lookup(REGISTRY, TransactionSynchronizationRegistry.class));
        } catch (NamingException | RuntimeException notInJndi) {
            try {
                Instance<TransactionSynchronizationRegistry> bean =
                        CDI.current().select(TransactionSynchronizationRegistry.class);
                return bean.isResolvable() ? Optional.of(bean.get()) : Optional.empty();
            } catch (IllegalStateException | LinkageError noCdi) {
                return Optional.empty();
            }
        }
    }
}
