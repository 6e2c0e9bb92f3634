package io.iterativeflow.core.engine;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation of signal payloads. Only this class touches the Bean Validation API, so the engine runs without it
 * when no validator is given.
 */
final class BeanValidationCheck implements PayloadCheck {

    private final Validator validator;

    BeanValidationCheck(Validator validator) {
        this.validator = validator;
    }

    @Override
    public List<String> issues(Object payload) {
        return validator.validate(payload).stream()
                .map(BeanValidationCheck::describe)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return (path.isEmpty() ? "payload" : path) + ": " + violation.getMessage();
    }
}
