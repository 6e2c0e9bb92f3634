package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.FlowStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Holds back the engine's interrupts (an aborted attempt) from a thread while it is inside a store call, and delivers
 * them when the call returns. An interrupt that lands in the middle of a database write can do lasting harm: H2
 * closes its database file when the thread writing a commit is interrupted, and the database stays unusable until
 * the JVM restarts. The attempt's token is cancelled at once either way; only the interrupt waits.
 */
final class InterruptShield {

    /** Per thread: how deep it is in store calls, and whether an interrupt waits for it. */
    private static final class Guard {
        private int depth;
        private boolean pending;
    }

    private static final Map<Thread, Guard> GUARDS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final ThreadLocal<Guard> OWN = ThreadLocal.withInitial(() -> {
        Guard guard = new Guard();
        GUARDS.put(Thread.currentThread(), guard);
        return guard;
    });

    private InterruptShield() {
    }

    /** Interrupts {@code thread} now, or when it leaves the store call it is in. */
    static void interrupt(Thread thread) {
        Guard guard = GUARDS.get(thread);
        if (guard != null) {
            synchronized (guard) {
                if (guard.depth > 0) {
                    guard.pending = true;
                    return;
                }
            }
        }
        thread.interrupt();
    }

    /** {@code store}, with every call made inside the shield. */
    static FlowStore wrap(FlowStore store) {
        return (FlowStore) Proxy.newProxyInstance(FlowStore.class.getClassLoader(), new Class<?>[] {FlowStore.class},
                (proxy, method, args) -> {
                    Guard guard = enter();
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        leave(guard);
                    }
                });
    }

    private static Guard enter() {
        Guard guard = OWN.get();
        synchronized (guard) {
            guard.depth++;
        }
        return guard;
    }

    private static void leave(Guard guard) {
        boolean deliver;
        synchronized (guard) {
            guard.depth--;
            deliver = guard.depth == 0 && guard.pending;
            if (deliver) {
                guard.pending = false;
            }
        }
        if (deliver) {
            Thread.currentThread().interrupt();
        }
    }
}
