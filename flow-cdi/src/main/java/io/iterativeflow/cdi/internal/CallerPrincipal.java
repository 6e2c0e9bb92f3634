package io.iterativeflow.cdi.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
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

    /** Looks the principal bean up once, on the deployment's thread (CDI may not be reachable from others). */
    static CallerPrincipal find() {
        try {
            Instance<Principal> found = CDI.current().select(Principal.class);
            if (found.isResolvable()) {
                return new CallerPrincipal(found);
            }
            LOG.fine("no resolvable CDI bean of type java.security.Principal: runs record no caller");
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the container's caller principal cannot be looked up: runs record no caller", e);
        }
        return new CallerPrincipal(null);
    }

    @Override
    public Optional<String> get() {
        if (principals == null) {
            return Optional.empty();
        }
        try (Instance.Handle<Principal> handle = principals.getHandle()) {
            Principal principal = handle.get();
            return name(principal == null ? null : principal.getName());
        } catch (RuntimeException noCaller) {
            // no request or session context on this thread, or the server's security service has no caller
            LOG.log(Level.FINEST, "no caller principal on this thread", noCaller);
            return Optional.empty();
        }
    }

    static Optional<String> name(String name) {
        if (name == null || name.isBlank() || ANONYMOUS.contains(name.strip().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
