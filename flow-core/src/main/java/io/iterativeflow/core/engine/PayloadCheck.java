package io.iterativeflow.core.engine;

import java.util.List;

/** Checks a signal payload against its declared type's constraints; one text per problem, empty when valid. */
@FunctionalInterface
interface PayloadCheck {

    PayloadCheck NONE = payload -> List.of();

    List<String> issues(Object payload);
}
