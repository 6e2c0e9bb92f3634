package io.iterativeflow.core.engine;

import io.iterativeflow.api.InputInvalidException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation of signal payloads and run inputs. Only this class touches the Bean Validation API, so the engine
 * runs without it when no validator is given.
 */
final class BeanValidationCheck implements PayloadCheck, InputCheck {

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

    @Override
    public List<InputInvalidException.Issue> issues(Object input, int request) {
        if (input == null) {
            return List.of();
        }
        return validator.validate(input).stream()
                .map(v -> new InputInvalidException.Issue(request, v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(InputInvalidException.Issue::path)
                        .thenComparing(InputInvalidException.Issue::message))
                .toList();
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return (path.isEmpty() ? "payload" : path) + ": " + violation.getMessage();
    }
}
