package io.iterativeflow.jpa.internal;

import io.iterativeflow.jpa.internal.entity.EventEntity;
import io.iterativeflow.jpa.internal.entity.RunEntity;
import io.iterativeflow.jpa.internal.entity.SignalEntity;
import io.iterativeflow.jpa.internal.entity.StepEntity;
import io.iterativeflow.jpa.internal.entity.TimerEntity;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;

/** Builds the store's {@link EntityManagerFactory} programmatically (no {@code persistence.xml}). */
public final class EntityManagerFactories {

    /** Every entity of the schema, for a container-managed persistence unit that wants to list them. */
    public static final List<Class<?>> ENTITIES = List.of(RunEntity.class, StepEntity.class, TimerEntity.class,
            SignalEntity.class, EventEntity.class);

    private EntityManagerFactories() {
    }

    /**
     * A resource-local factory over {@code dataSource}. Hibernate validates the mapping against the schema (it never
     * generates DDL); {@code overrides} are added last and win.
     */
    public static EntityManagerFactory resourceLocal(DataSource dataSource, Map<String, Object> overrides) {
        ClassLoader loader = EntityManagerFactories.class.getClassLoader();
        List<String> names = ENTITIES.stream().map(Class::getName).toList();
        Map<String, Object> properties = new HashMap<>(defaults());
        properties.putAll(overrides);
        return new HibernatePersistenceProvider().createContainerEntityManagerFactory(
                new FlowPersistenceUnit(dataSource, names, loader), properties);
    }

    static Map<String, Object> defaults() {
        Map<String, Object> p = new HashMap<>();
        p.put("hibernate.hbm2ddl.auto", "validate");
        p.put("hibernate.transaction.coordinator_class", "jdbc");
        p.put("hibernate.enhancer.enableDirtyTracking", "false");
        p.put("hibernate.enhancer.enableLazyInitialization", "false");
        p.put("hibernate.enhancer.enableAssociationManagement", "false");
        p.put("hibernate.cache.use_second_level_cache", "false");
        p.put("hibernate.cache.use_query_cache", "false");
        p.put("hibernate.jdbc.time_zone", "UTC");
        p.put("hibernate.type.json_format_mapper", new PassThroughJsonMapper());
        p.put("hibernate.archive.autodetection", "none");
        p.put("jakarta.persistence.sharedCache.mode", "NONE");
        p.put("jakarta.persistence.validation.mode", "NONE");
        p.put("hibernate.query.fail_on_pagination_over_collection_fetch", "true");
        // A write joined to a caller's JTA transaction runs on a session over the enlisted connection, without a
        // Hibernate transaction (the container's transaction is the one that commits); its native updates must run.
        p.put("hibernate.allow_update_outside_transaction", "true");
        return p;
    }
}
