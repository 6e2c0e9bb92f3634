package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.CronTick;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowSchedule;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;

/**
 * {@link FlowSchedule} on methods of CDI beans: each becomes a flow of one step that calls the method on the bean's
 * contextual instance, named {@code <simple class name>.<method name>}, version 1, started by its schedule.
 */
final class ScheduledMethods {

    /** A scheduled method of a bean, as found during discovery. */
    record ScheduledMethod(Bean<?> bean, Method method, FlowSchedule schedule) {

        String flowName() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName();
        }

        String describe() {
            return "@FlowSchedule method " + method.getDeclaringClass().getName() + "." + method.getName() + "()";
        }
    }

    private ScheduledMethods() {
    }

    /** The scheduled methods of a bean's type; each unusable one adds a problem naming it. */
    static void collect(Bean<?> bean, AnnotatedType<?> type, List<ScheduledMethod> found, List<Problem> problems) {
        for (AnnotatedMethod<?> annotated : type.getMethods()) {
            FlowSchedule schedule = annotated.getAnnotation(FlowSchedule.class);
            if (schedule == null) {
                continue;
            }
            Method method = annotated.getJavaMember();
            ScheduledMethod scheduled = new ScheduledMethod(bean, method, schedule);
            whyUnusable(method).ifPresentOrElse(
                    why -> problems.add(ScheduleMessages.badMethod(scheduled.describe(), why)),
                    () -> found.add(scheduled));
        }
    }

    private static Optional<String> whyUnusable(Method method) {
        if (Modifier.isStatic(method.getModifiers())) {
            return Optional.of("it is static; schedule an instance method of the bean");
        }
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length > 1 || parameters.length == 1 && parameters[0] != CronTick.class) {
            return Optional.of("it must take no parameter or one CronTick");
        }
        return Optional.empty();
    }

    /** The flow that runs {@code scheduled} once per run, as its one step {@code call}. */
    static FlowDefinition<CronTick, Void> definition(ScheduledMethod scheduled, BeanManager beanManager) {
        return FlowDefinition.builder(scheduled.flowName(), CronTick.class, Void.class)
                .body((ctx, tick) -> {
                    ctx.step("call", Void.class, s -> {
                        call(scheduled, beanManager, tick);
                        return null;
                    });
                    return null;
                }).build();
    }

    private static void call(ScheduledMethod scheduled, BeanManager beanManager, CronTick tick) throws Exception {
        Bean<?> bean = scheduled.bean();
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        try {
            Object instance = beanManager.getReference(bean, scheduled.method().getDeclaringClass(), context);
            Method method = scheduled.method();
            method.setAccessible(true);
            Object[] arguments = method.getParameterCount() == 0 ? new Object[0] : new Object[] {tick};
            method.invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception exception ? exception : new IllegalStateException(cause);
        } finally {
            context.release();
        }
    }
}
