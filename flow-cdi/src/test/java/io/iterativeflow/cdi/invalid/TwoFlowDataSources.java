package io.iterativeflow.cdi.invalid;

import io.iterativeflow.cdi.FlowDataSource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** Two {@code @FlowDataSource} beans: the engine cannot know which one to use. Never called. */
@Dependent
public class TwoFlowDataSources {

    @Produces
    @FlowDataSource
    DataSource first() {
        throw new UnsupportedOperationException();
    }

    @Produces
    @FlowDataSource
    DataSource second() {
        throw new UnsupportedOperationException();
    }
}
