package io.iterativeflow.cdi.testing;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/** The Validator bean a Jakarta EE container provides with Bean Validation; Weld SE has none of its own. */
@ApplicationScoped
public class ValidatorProducer {

    private final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

    @Produces
    Validator validator() {
        return factory.getValidator();
    }

    @PreDestroy
    void close() {
        factory.close();
    }
}
