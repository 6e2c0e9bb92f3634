package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.Flow;
import jakarta.enterprise.inject.spi.Bean;

/** A managed bean whose class carries {@link Flow}, as the extension found it. */
record AnnotatedFlowBean(Bean<?> bean, Class<?> beanClass, Flow flow) {

    /** The declared name, or the simple class name when {@code @Flow} names none. */
    String name() {
        return flow.name().isEmpty() ? beanClass.getSimpleName() : flow.name();
    }

    int version() {
        return flow.version();
    }

    String origin() {
        return "@Flow class " + beanClass.getName();
    }
}
