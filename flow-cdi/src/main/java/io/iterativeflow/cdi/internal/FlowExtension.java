package io.iterativeflow.cdi.internal;

import io.iterativeflow.core.spi.FlowLimit;
import io.iterativeflow.api.CronSchedule;
import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowSchedule;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.ProcessProducerField;
import jakarta.enterprise.inject.spi.ProcessProducerMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Collects {@code @Flow} beans and {@code FlowDefinition} beans, checks them and the {@code flow.*} configuration
 * once all beans are known, and reports every problem at once as a deployment problem with a stable id. The engine
 * itself lives in {@link EngineHolder}, which this extension adds as a bean.
 */
public class FlowExtension implements Extension {

    // Weld may deliver type and bean events from several threads (concurrent deployment)
    private final List<Problem> typeProblems = new CopyOnWriteArrayList<>();
    private final List<AnnotatedFlowBean> annotated = new CopyOnWriteArrayList<>();
    private final List<ScheduledMethods.ScheduledMethod> scheduledMethods = new CopyOnWriteArrayList<>();
    private final List<ProducedFlowBean> produced = new CopyOnWriteArrayList<>();
    private final ObservedFlowEvents observedEvents = new ObservedFlowEvents();
    private volatile FlowDeployment deployment;

    void addInternalBeans(@Observes BeforeBeanDiscovery event) {
        event.addAnnotatedType(EngineHolder.class, EngineHolder.class.getName());
        OptionalIntegrations.addBeans(event);
    }

    void checkFlowType(@Observes @WithAnnotations(Flow.class) ProcessAnnotatedType<?> event) {
        AnnotatedType<?> type = event.getAnnotatedType();
        if (type.isAnnotationPresent(Flow.class)) {
            FlowClassShape.whyNotABean(type).ifPresent(why ->
                    typeProblems.add(Messages.notABean("@Flow class " + type.getJavaClass().getName(), why)));
        }
    }

    void checkScheduleType(@Observes @WithAnnotations(FlowSchedule.class) ProcessAnnotatedType<?> event) {
        AnnotatedType<?> type = event.getAnnotatedType();
        if (type.isAnnotationPresent(FlowSchedule.class) && !type.isAnnotationPresent(Flow.class)) {
            typeProblems.add(ScheduleMessages.notAFlow(type.getJavaClass()));
        }
    }

    void recordFlowBean(@Observes ProcessManagedBean<?> event) {
        AnnotatedType<?> type = event.getAnnotatedBeanClass();
        ScheduledMethods.collect(event.getBean(), type, scheduledMethods, typeProblems);
        Flow flow = type.getAnnotation(Flow.class);
        if (flow != null) {
            annotated.add(new AnnotatedFlowBean(event.getBean(), type.getJavaClass(), flow));
        }
    }

    void recordDefinitionBean(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        if (bean.getTypes().stream().anyMatch(FlowTypes::isFlowDefinition)) {
            produced.add(new ProducedFlowBean(bean, describe(event)));
        }
    }

    void recordEventObserver(@Observes ProcessObserverMethod<?, ?> event) {
        observedEvents.add(event.getObserverMethod());
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        List<Problem> problems = new ArrayList<>(typeProblems);
        FlowConfiguration configuration = FlowConfiguration.read(configLookup(), problems);
        List<DeployedFlow> flows = new ArrayList<>(FlowCatalog.check(annotated, produced, beanManager, problems));
        List<CronSchedule> schedules = new ArrayList<>(ScheduledFlows.read(flows, problems));
        addScheduledMethods(beanManager, flows, schedules, problems);
        Map<String, FlowLimit> limits = FlowLimitsConfig.read(flows, configLookup(), problems);
        DataSourceCheck.check(beanManager).ifPresent(problems::add);
        problems.forEach(problem -> event.addDeploymentProblem(problem.toException()));
        if (problems.isEmpty()) {
            deployment = new FlowDeployment(flows, configuration, schedules, observedEvents, limits);
            BootWarnings.log(BootWarnings.ofConfiguration(configuration.engine(), configNames()));
        }
        annotated.clear();
        produced.clear();
        typeProblems.clear();
        scheduledMethods.clear();
    }

    private void addScheduledMethods(BeanManager beanManager, List<DeployedFlow> flows, List<CronSchedule> schedules,
            List<Problem> problems) {
        for (ScheduledMethods.ScheduledMethod method : scheduledMethods) {
            if (flows.stream().anyMatch(flow -> flow.definition().name().equals(method.flowName()))) {
                problems.add(ScheduleMessages.duplicateMethodFlow(method.describe(), method.flowName()));
                continue;
            }
            DeployedFlow flow = new DeployedFlow(ScheduledMethods.definition(method, beanManager), null,
                    method.describe());
            flows.add(flow);
            ScheduledFlows.readMethod(flow, method.method().getDeclaringClass(), method.schedule(), problems)
                    .ifPresent(schedules::add);
        }
    }

    /** The checked flows and configuration; only after a deployment without problems. */
    FlowDeployment deployment() {
        FlowDeployment checked = deployment;
        if (checked == null) {
            throw new IllegalStateException("the iterativeflow deployment has not been validated");
        }
        return checked;
    }

    private static Function<String, Optional<String>> configLookup() {
        try {
            return MicroProfileConfig.lookup();
        } catch (LinkageError noApi) {
            return MicroProfileConfig.absent(noApi);
        }
    }

    private static Iterable<String> configNames() {
        try {
            return MicroProfileConfig.propertyNames();
        } catch (LinkageError noApi) {
            return List.of();
        }
    }

    private static String describe(ProcessBean<?> event) {
        if (event instanceof ProcessProducerMethod<?, ?> method) {
            return "producer method " + name(method.getAnnotatedProducerMethod().getJavaMember()) + "()";
        }
        if (event instanceof ProcessProducerField<?, ?> field) {
            return "producer field " + name(field.getAnnotatedProducerField().getJavaMember());
        }
        return "bean " + event.getBean();
    }

    private static String name(Member member) {
        return member.getDeclaringClass().getName() + "." + member.getName();
    }
}
