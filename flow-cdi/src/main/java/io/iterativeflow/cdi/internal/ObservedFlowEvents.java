package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowEvent;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Which {@link FlowEvent} types the application's observer methods can hear, synchronous and asynchronous apart, so
 * that the engine hands over only events someone observes (and none at all, with no thread, when nobody does).
 */
final class ObservedFlowEvents {

    private final Set<Class<?>> sync = new CopyOnWriteArraySet<>();
    private final Set<Class<?>> async = new CopyOnWriteArraySet<>();

    /** Notes {@code observer} when {@link FlowEvent}s can reach it (it observes a FlowEvent type or a supertype). */
    void add(ObserverMethod<?> observer) {
        Class<?> observed = raw(observer.getObservedType());
        if (observed.isAssignableFrom(FlowEvent.class) || FlowEvent.class.isAssignableFrom(observed)) {
            (observer.isAsync() ? async : sync).add(observed);
        }
    }

    boolean any() {
        return !sync.isEmpty() || !async.isEmpty();
    }

    /** True when an {@code @Observes} method can hear events of {@code type}. */
    boolean sync(Class<? extends FlowEvent> type) {
        return heard(sync, type);
    }

    /** True when an {@code @ObservesAsync} method can hear events of {@code type}. */
    boolean async(Class<? extends FlowEvent> type) {
        return heard(async, type);
    }

    private static boolean heard(Set<Class<?>> observed, Class<?> type) {
        for (Class<?> candidate : observed) {
            if (candidate.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    /** The class of an observed type; a type variable may stand for anything. */
    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
