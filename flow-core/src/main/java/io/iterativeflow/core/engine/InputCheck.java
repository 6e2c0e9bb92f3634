package io.iterativeflow.core.engine;

import io.iterativeflow.api.InputInvalidException;
import java.util.List;

/**
 * Checks a run input against its type's Bean Validation constraints before a start writes anything; empty when
 * valid or when no validator is configured.
 */
@FunctionalInterface
interface InputCheck {

    InputCheck NONE = (input, request) -> List.of();

    /** The violated constraints of {@code input}, each attributed to {@code request} (its position in a startAll). */
    List<InputInvalidException.Issue> issues(Object input, int request);
}
