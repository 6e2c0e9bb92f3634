package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.TypeRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks {@code @Flow} beans and turns them into definitions whose body calls the bean. */
final class AnnotatedFlows {

    /** Scopes that exist on engine threads. */
    private static final Set<Class<? extends Annotation>> SCOPES =
            Set.of(ApplicationScoped.class, Singleton.class, Dependent.class);

    private AnnotatedFlows() {
    }

    /** Adds every problem of this bean to {@code problems}; true when it has none. */
    static boolean check(AnnotatedFlowBean flow, List<Problem> problems) {
        int before = problems.size();
        String origin = flow.origin();
        Optional<Type[]> arguments = FlowTypes.flowBodyArguments(flow.beanClass());
        if (arguments.isEmpty()) {
            problems.add(Messages.notAFlowBody(origin));
        } else if (!Arrays.stream(arguments.get()).allMatch(FlowTypes::isConcrete)) {
            problems.add(Messages.typesNotConcrete(origin, Arrays.stream(arguments.get()).map(Type::getTypeName)
                    .collect(Collectors.joining(", ", "<", ">"))));
        } else if (flow.bean().getTypes().stream().noneMatch(FlowTypes::isFlowBody)) {
            problems.add(Messages.typedWithoutFlowBody(origin));
        }
        nameProblem(flow.name()).ifPresent(why -> problems.add(Messages.badName(origin, why)));
        if (flow.version() < 1) {
            problems.add(Messages.badVersion(origin, flow.version()));
        }
        if (!SCOPES.contains(flow.bean().getScope())) {
            problems.add(Messages.badScope(origin, flow.bean().getScope()));
        }
        SignalDeclarationCheck.check(flow, problems);
        return problems.size() == before;
    }

    /** True when name and version are valid, so the flow can take part in the duplicate check. */
    static boolean hasValidIdentity(AnnotatedFlowBean flow) {
        return nameProblem(flow.name()).isEmpty() && flow.version() >= 1;
    }

    /** The definition of a bean that passed {@link #check}. */
    static DeployedFlow define(AnnotatedFlowBean flow, BeanManager beanManager) {
        Type[] types = FlowTypes.flowBodyArguments(flow.beanClass()).orElseThrow();
        FlowDefinition<Object, Object> definition = SignalDeclarationCheck.declare(FlowDefinition
                .builder(flow.name(), TypeRef.ofType(types[0]), TypeRef.ofType(types[1])), flow.beanClass())
                .version(flow.version())
                .body(new BeanFlowBody(beanManager, flow.bean()))
                .build();
        return new DeployedFlow(definition, flow.beanClass(), flow.origin());
    }

    private static Optional<String> nameProblem(String name) {
        try {
            FlowDefinition.checkName(name);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
