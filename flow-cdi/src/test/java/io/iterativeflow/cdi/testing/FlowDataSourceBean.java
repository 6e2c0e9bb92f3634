package io.iterativeflow.cdi.testing;

import io.iterativeflow.cdi.FlowDataSource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import javax.sql.DataSource;

/** Adds a data source as the application's {@code @FlowDataSource} bean, for containers a test boots itself. */
public final class FlowDataSourceBean implements Extension {

    private final DataSource dataSource;

    public FlowDataSourceBean(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void addBean(@Observes AfterBeanDiscovery event) {
        event.addBean()
                .types(DataSource.class, Object.class)
                .qualifiers(FlowDataSource.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(creation -> dataSource);
    }
}
