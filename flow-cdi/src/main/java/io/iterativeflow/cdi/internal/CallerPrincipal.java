package io.iterativeflow.cdi.internal;

import jakarta.enterprise.inject.Instance;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's identity source in a container: the name of the container's caller principal (the built-in CDI bean
 * of type {@link Principal}, which a Jakarta EE server provides, or one the application produces), read when
 * {@code start}, {@code signal}, {@code cancel} or {@code retry} is called. There is no caller when the container
 * has no such bean, when no caller is on the thread (a worker thread, a scheduled tick, a context that is not
 * active), and when the caller is anonymous: a null or blank name, or the names servers give the unauthenticated
 * caller ({@code anonymous}, {@code UNAUTHENTICATED}, in any case).
 */
final class CallerPrincipal implements Supplier<Optional<String>> {

    private static final Logger LOG = Logger.getLogger(CallerPrincipal.class.getName());
    private static final Set<String> ANONYMOUS = Set.of("anonymous", "unauthenticated");

    private final Instance<Principal> principals;

    private CallerPrincipal(Instance<Principal> principals) {
        this.principals = principals;
    }

    /** The source over {@code principals} (the injected {@code Instance<Principal>}; null outside a container). */
    static CallerPrincipal of(Instance<Principal> principals) {
        try {
            if (principals != null && principals.isResolvable()) {
                return new CallerPrincipal(principals);
            }
            LOG.fine("no resolvable CDI bean of type java.security.Principal: runs record no caller");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the container's caller principal cannot be looked up: runs record no caller", e);
        }
        return new CallerPrincipal(null);
    }

    @Override
    public Optional<String> get() {
        if (principals == null) {
            return Optional.empty();
        }
        String name;
        Instance.Handle<Principal> handle = null;
        try {
            handle = principals.getHandle();
            Principal principal = handle.get();
            name = principal == null ? null : principal.getName();
        } catch (RuntimeException noCaller) {
            // no request or session context on this thread, or the server's security service has no caller
            LOG.log(Level.FINEST, "no caller principal on this thread", noCaller);
            return Optional.empty();
        } finally {
            release(handle);
        }
        return name(name);
    }

    /** Destroys a principal the application produced; the server's built-in one cannot be and need not be. */
    private static void release(Instance.Handle<Principal> handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (RuntimeException builtIn) {
            LOG.log(Level.FINEST, "the caller principal bean is not destroyed", builtIn);
        }
    }

    static Optional<String> name(String name) {
        if (name == null || name.isBlank() || ANONYMOUS.contains(name.strip().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
