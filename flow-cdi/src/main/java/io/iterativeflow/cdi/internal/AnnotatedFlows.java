package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.TypeRef;
import io.iterativeflow.core.config.Durations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
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
        limitProblems(flow).forEach(why -> problems.add(Messages.badFlowLimit(origin, why)));
        SignalDeclarationCheck.check(flow, problems);
        return problems.size() == before;
    }

    private static List<String> limitProblems(AnnotatedFlowBean bean) {
        Flow flow = bean.flow();
        List<String> problems = new ArrayList<>();
        if (flow.maxConcurrency() != Flow.UNLIMITED && flow.maxConcurrency() < 1) {
            problems.add("@Flow(maxConcurrency = " + flow.maxConcurrency() + "); use 1 or more, or leave it unset for"
                    + " no limit");
        }
        if (flow.rateLimit() != Flow.UNLIMITED && flow.rateLimit() < 1) {
            problems.add("@Flow(rateLimit = " + flow.rateLimit() + "); use 1 or more, or leave it unset for no"
                    + " limit");
        }
        Optional<Duration> period = ratePeriod(flow);
        if (period.isEmpty() || period.get().compareTo(FlowDefinition.MIN_RATE_PERIOD) < 0) {
            problems.add("@Flow(ratePeriod = \"" + flow.ratePeriod() + "\"); use a duration of 1s or more, such as"
                    + " 1s, 1m or PT1M");
        } else if (flow.rateLimit() == Flow.UNLIMITED && !period.get().equals(FlowDefinition.MIN_RATE_PERIOD)) {
            problems.add("@Flow(ratePeriod = \"" + flow.ratePeriod() + "\") without a rateLimit; set rateLimit too,"
                    + " or remove ratePeriod");
        }
        return problems;
    }

    private static Optional<Duration> ratePeriod(Flow flow) {
        try {
            return Optional.of(Durations.parse(flow.ratePeriod()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when name and version are valid, so the flow can take part in the duplicate check. */
    static boolean hasValidIdentity(AnnotatedFlowBean flow) {
        return nameProblem(flow.name()).isEmpty() && flow.version() >= 1;
    }

    /** The definition of a bean that passed {@link #check}. */
    static DeployedFlow define(AnnotatedFlowBean flow, BeanManager beanManager) {
        Type[] types = FlowTypes.flowBodyArguments(flow.beanClass()).orElseThrow();
        FlowDefinition.Builder<Object, Object> builder = SignalDeclarationCheck.declare(FlowDefinition
                .builder(flow.name(), TypeRef.ofType(types[0]), TypeRef.ofType(types[1])), flow.beanClass())
                .version(flow.version())
                .body(new BeanFlowBody(beanManager, flow.bean()));
        if (flow.flow().maxConcurrency() != Flow.UNLIMITED) {
            builder = builder.maxConcurrency(flow.flow().maxConcurrency());
        }
        if (flow.flow().rateLimit() != Flow.UNLIMITED) {
            builder = builder.rateLimit(flow.flow().rateLimit(), ratePeriod(flow.flow()).orElseThrow());
        }
        FlowDefinition<Object, Object> definition = builder.build();
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
