package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowDefinition;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/** Obtains the definitions of {@code FlowDefinition} beans, once, at deployment. */
final class ProducedFlows {

    private ProducedFlows() {
    }

    /**
     * The bean's definition, or empty with a problem added when the producer throws or returns null. The
     * definition is immutable and kept for the engine's life, so its creational context is never released.
     */
    static Optional<DeployedFlow> resolve(ProducedFlowBean produced, BeanManager beanManager,
            List<Problem> problems) {
        Bean<?> bean = produced.bean();
        Type type = bean.getTypes().stream().filter(FlowTypes::isFlowDefinition).findFirst().orElseThrow();
        Object value;
        try {
            value = beanManager.getReference(bean, type, beanManager.createCreationalContext(bean));
        } catch (RuntimeException e) {
            problems.add(Messages.producerFailed(produced.origin(), rootCause(e)));
            return Optional.empty();
        }
        if (value == null) {
            problems.add(Messages.producerReturnedNull(produced.origin()));
            return Optional.empty();
        }
        return Optional.of(new DeployedFlow((FlowDefinition<?, ?>) value, null, produced.origin()));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
