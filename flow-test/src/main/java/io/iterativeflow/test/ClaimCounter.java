package io.iterativeflow.test;

import io.iterativeflow.core.spi.FlowStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the runs the engine claims through a store, so the driver knows when a round found no work. */
final class ClaimCounter {

    private final AtomicLong claimed = new AtomicLong();

    long claimed() {
        return claimed.get();
    }

    /** {@code store}, with every claim counted. */
    FlowStore count(FlowStore store) {
        return (FlowStore) Proxy.newProxyInstance(FlowStore.class.getClassLoader(), new Class<?>[] {FlowStore.class},
                (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(store, args);
                        if (method.getName().equals("claim") && result instanceof List<?> runs) {
                            claimed.addAndGet(runs.size());
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
