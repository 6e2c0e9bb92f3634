package io.iterativeflow.cdi.internal;

import io.iterativeflow.cdi.FlowDataSource;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** At deployment: at most one {@code @FlowDataSource} DataSource bean may resolve. */
final class DataSourceCheck {

    private DataSourceCheck() {
    }

    static Optional<Problem> check(BeanManager beanManager) {
        Set<Bean<?>> beans = beanManager.getBeans(DataSource.class, FlowDataSource.Literal.INSTANCE);
        try {
            beanManager.resolve(beans);
            return Optional.empty();
        } catch (AmbiguousResolutionException e) {
            return Optional.of(Messages.ambiguousDataSource(beans.stream().map(Bean::toString)
                    .collect(Collectors.joining(", "))));
        }
    }
}
