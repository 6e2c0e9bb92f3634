package io.iterativeflow.cdi.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.Validator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the container's {@link Validator}: the CDI bean (Bean Validation's CDI integration), else
 * {@code java:comp/Validator}. Loaded only when the Bean Validation API is present.
 */
final class ContainerValidator {

    private static final Logger LOG = Logger.getLogger(ContainerValidator.class.getName());

    private ContainerValidator() {
    }

    static Optional<Validator> find() {
        try {
            Instance<Validator> bean = CDI.current().select(Validator.class);
            if (bean.isResolvable()) {
                return Optional.of(bean.get());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "no Validator bean; trying JNDI", e);
        }
        return Jndi.find("java:comp/Validator", Validator.class, "run inputs are not validated and signal payloads"
                + " are checked against their declared type only");
    }
}
