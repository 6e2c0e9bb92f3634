package io.iterativeflow.cdi.internal;

import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;

/** JNDI lookups of container resources. Outside a container (Weld SE) there is no JNDI and every lookup fails. */
final class Jndi {

    private static final Logger LOG = Logger.getLogger(Jndi.class.getName());

    private Jndi() {
    }

    /** @throws NamingException when nothing is bound to {@code name}, JNDI is absent, or the object has another type */
    static <T> T lookup(String name, Class<T> type) throws NamingException {
        InitialContext context = new InitialContext();
        try {
            Object found = context.lookup(name);
            if (!type.isInstance(found)) {
                throw new NamingException(name + " is bound to " + (found == null ? "null" : found.getClass().getName())
                        + ", not to a " + type.getName());
            }
            return type.cast(found);
        } finally {
            context.close();
        }
    }

    /**
     * The container resource configured under {@code key}. Only its default name, {@code defaultName}, may be absent,
     * and only where there is no JNDI at all (outside a Jakarta EE server): then this is empty (logged).
     *
     * @throws io.iterativeflow.api.FlowException {@code CONFIG_INVALID} naming {@code key} in every other case
     */
    static <T> Optional<T> required(String name, Class<T> type, String key, String defaultName, String useInstead) {
        try {
            return Optional.of(lookup(name, type));
        } catch (NoInitialContextException e) {
            if (name.equals(defaultName)) {
                LOG.info(() -> "iterativeflow: no JNDI here, so no " + type.getSimpleName() + " at '" + name + "'; "
                        + useInstead + ". Outside a Jakarta EE server this is expected");
                return Optional.empty();
            }
            throw Messages.noManagedExecutor(name, key, defaultName, e).toException(e);
        } catch (NamingException e) {
            throw Messages.noManagedExecutor(name, key, defaultName, e).toException(e);
        }
    }

    /** The resource, or empty (logged) when it cannot be looked up. */
    static <T> Optional<T> find(String name, Class<T> type, String useInstead) {
        try {
            return Optional.of(lookup(name, type));
        } catch (NamingException e) {
            LOG.info(() -> "iterativeflow: no " + type.getSimpleName() + " at '" + name + "' (" + e
                    + "); " + useInstead + ". Outside a Jakarta EE server this is expected");
            return Optional.empty();
        }
    }
}
