package io.iterativeflow.cdi.internal;

import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.inject.Inject;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Finds {@code @Flow} classes the container can never turn into a managed bean, which it would otherwise skip
 * silently. Only certain cases count: a vetoed type or a disabled alternative is not a mistake.
 */
final class FlowClassShape {

    private FlowClassShape() {
    }

    static Optional<String> whyNotABean(AnnotatedType<?> type) {
        Class<?> c = type.getJavaClass();
        if (c.isInterface()) {
            return Optional.of("is an interface");
        }
        if (Modifier.isAbstract(c.getModifiers())) {
            return Optional.of("is abstract");
        }
        if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
            return Optional.of("is an inner class that is not static");
        }
        boolean usable = type.getConstructors().isEmpty() || type.getConstructors().stream()
                .anyMatch(k -> k.isAnnotationPresent(Inject.class) || k.getParameters().isEmpty());
        return usable ? Optional.empty() : Optional.of("has neither a no-argument constructor nor an @Inject one");
    }
}
