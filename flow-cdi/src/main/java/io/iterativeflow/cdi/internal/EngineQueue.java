package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.QueueStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The queue figures of the deployment's engine (ready runs, the age of the oldest, runs in progress) for opt-in
 * modules such as the dashboard, which add this bean themselves: the engine's bean hands out only the public
 * {@code FlowEngine}. The figures are the ones the metrics show, read from the database at most once per few seconds.
 */
@ApplicationScoped
public class EngineQueue {

    @Inject
    EngineHolder holder;

    /** The queue now; {@code ENGINE_STOPPED} once the engine stopped, {@code STORE_UNAVAILABLE} without a database. */
    public QueueStats now() {
        return holder.engine().orElseThrow(() -> new FlowException(FlowErrorCode.ENGINE_STOPPED,
                "the iterativeflow engine of this application is not running")).probe().queue();
    }
}
