package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.FlowStore;
import java.lang.reflect.Proxy;

/**
 * The store of a dry replay: it has no database. Any call (each would write, or read what only a live attempt
 * reads) ends the dry replay with {@link DryStop}, so a dry replay can never write, signal, start a child or take a
 * lease.
 */
final class DryStore {

    private DryStore() {
    }

    static FlowStore create() {
        return (FlowStore) Proxy.newProxyInstance(FlowStore.class.getClassLoader(), new Class<?>[] {FlowStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "dry replay store";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new DryStop(method.getName());
                });
    }
}
