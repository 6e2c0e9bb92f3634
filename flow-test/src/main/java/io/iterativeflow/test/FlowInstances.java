package io.iterativeflow.test;

import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.reflect.Constructor;
import java.util.function.Supplier;

/**
 * Where the body of a flow class comes from in a test: the CDI container when one runs (Weld in the test, so the
 * flow's {@code @Inject} collaborators are the container's beans), else an instance made with the class's no-argument
 * constructor.
 */
final class FlowInstances {

    private FlowInstances() {
    }

    static boolean containerRuns() {
        try {
            return CDI.current() != null;
        } catch (IllegalStateException | LinkageError none) {
            return false;
        }
    }

    static Supplier<FlowBody<?, ?>> of(Class<?> flowClass) {
        if (containerRuns()) {
            return () -> fromContainer(flowClass);
        }
        FlowBody<?, ?> instance = construct(flowClass);
        return () -> instance;
    }

    private static FlowBody<?, ?> fromContainer(Class<?> flowClass) {
        try {
            return (FlowBody<?, ?>) CDI.current().select(flowClass).get();
        } catch (RuntimeException e) {
            throw new FlowException(FlowErrorCode.FLOW_INVALID, "the CDI container of the test has no bean of flow"
                    + " class " + flowClass.getName() + " (" + e.getMessage() + "); add the class to the test's"
                    + " deployment (WeldInitiator.from(...)) with the beans it injects", e);
        }
    }

    private static FlowBody<?, ?> construct(Class<?> flowClass) {
        try {
            Constructor<?> constructor = flowClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (FlowBody<?, ?>) constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new FlowException(FlowErrorCode.FLOW_INVALID, "flow class " + flowClass.getName() + " cannot be"
                    + " made without a CDI container: it needs a constructor without arguments. Register an instance"
                    + " you made yourself with TestFlowEnvironment.register(flow), or run the test in Weld", e);
        }
    }
}
