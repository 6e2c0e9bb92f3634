package io.iterativeflow.cdi.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The extension behind {@link WithConfig}. */
public final class WithConfigExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(WithConfigExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String[] entries = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithConfig.class)
                .map(WithConfig::value).orElse(new String[0]);
        context.getStore(NAMESPACE).put(TestConfig.class, TestConfig.of(entries));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestConfig config = context.getStore(NAMESPACE).remove(TestConfig.class, TestConfig.class);
        if (config != null) {
            config.close();
        }
    }
}
