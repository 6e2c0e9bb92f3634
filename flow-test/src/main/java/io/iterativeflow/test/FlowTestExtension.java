package io.iterativeflow.test;

import io.iterativeflow.api.FlowBody;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives each test method that asks for one a fresh {@link TestFlowEnvironment} (the database of the JVM's flow tests,
 * emptied; the virtual clock at real time; the flows of {@link FlowTest#flows()}) and stops its engine after the
 * test. Use it through {@link FlowTest}, or with {@code @ExtendWith(FlowTestExtension.class)}.
 */
public final class FlowTestExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            FlowTestExtension.class);

    /**
     * The database the engines of the JVM's flow tests use (H2 in memory, or PostgreSQL), for collaborators of your
     * flows that keep data of their own in it, e.g. bound to {@code @Resource} with weld-junit's
     * {@code bindResource}. Made on first use. Only the engine's tables are emptied before each test; empty your own.
     */
    public static javax.sql.DataSource dataSource() {
        return TestStore.get().dataSource();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestFlowEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("environment", key -> create(context),
                TestFlowEnvironment.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TestFlowEnvironment create(ExtensionContext context) {
        TestFlowEnvironment env = new TestFlowEnvironment(TestStore.get());
        Optional<FlowTest> annotation = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, FlowTest.class));
        annotation.ifPresent(flowTest -> {
            for (Class<? extends FlowBody> flowClass : flowTest.flows()) {
                env.register((Class) flowClass);
            }
        });
        return env;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestFlowEnvironment env = context.getStore(NAMESPACE).remove("environment", TestFlowEnvironment.class);
        if (env == null) {
            return;
        }
        env.close();
        if (!env.pendingCrashes().isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError("the test planned crashes that never happened: no try of step(s) "
                    + env.pendingCrashes() + " succeeded after crashAfterStep(...); check the step names");
        }
    }
}
