package io.iterativeflow.rest.internal;

import java.util.List;
import java.util.Optional;


import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.TypeRef;

/**
 * Reads the JSON body of {@code POST /runs/{id}/signals/{name}} as the payload type the run's flow declares for the
 * signal ({@code @FlowSignal}); an undeclared signal's payload is passed on as a JSON value, unchecked.
 */
public final class SignalPayloads {

    private SignalPayloads() {
    }

    /** A body that cannot be read as the declared type: the answer is 400 with these issues. */
    public static final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unreadable(String issue) {
            super(issue);
        }

        public List<String> issues() {
            return List.of(getMessage());
        }
    }

    /**
     * The payload for {@code signal} of {@code run}: null for an empty body or JSON {@code null} when the flow does
     * not declare the signal; a declared signal needs a payload of its declared form.
     */
    public static Object read(FlowEngine engine, RunInfo run, String signal, String body) {
        Optional<TypeRef<?>> declared = declaredType(engine, run, signal);
        boolean none = body == null || body.isBlank() || body.strip().equals("null");
        if (none && declared.isEmpty()) {
            return null;
        }
        if (none) {
            throw new Unreadable("payload: is missing; signal '" + Answers.shown(signal) + "' takes "
                    + JsonShapes.of(declared.get().type()));
        }
        try {
            if (declared.isEmpty()) {
                return StrictJson.read(body);
            }
            return TypedJson.read(body, declared.get().type());
        } catch (BodyProblem e) {
            throw new Unreadable("payload: " + e.getMessage());
        }
    }

    /**
     * The type declared by the deployed flow of the run's name. When another version than the run's is the newest
     * deployed one, its declaration is used: the engine still checks the payload against the run's own version.
     */
    static Optional<TypeRef<?>> declaredType(FlowEngine engine, RunInfo run, String signal) {
        FlowDefinition<?, ?> definition;
        try {
            definition = engine.definition(run.flowName());
        } catch (FlowException e) {
            if (e.code() == FlowErrorCode.FLOW_UNKNOWN) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.ofNullable(definition.signals().get(signal));
    }
}
