package io.iterativeflow.cdi.internal;

import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Type;

/**
 * The body of a {@code @Flow} bean's definition: calls the bean through the container, so interceptors and
 * decorators apply. A {@code @Dependent} flow gets a new instance per attempt, destroyed when the attempt ends;
 * other scopes share their contextual instance.
 */
final class BeanFlowBody implements FlowBody<Object, Object> {

    private final BeanManager beanManager;
    private final Bean<?> bean;
    private final Type beanType;
    private volatile FlowBody<Object, Object> shared;

    BeanFlowBody(BeanManager beanManager, Bean<?> bean) {
        this.beanManager = beanManager;
        this.bean = bean;
        this.beanType = bean.getTypes().stream().filter(FlowTypes::isFlowBody).findFirst().orElseThrow();
    }

    @Override
    public Object run(FlowContext ctx, Object input) throws Exception {
        if (Dependent.class.equals(bean.getScope())) {
            CreationalContext<?> creation = beanManager.createCreationalContext(bean);
            try {
                return reference(creation).run(ctx, input);
            } finally {
                creation.release();
            }
        }
        FlowBody<Object, Object> body = shared;
        if (body == null) {
            body = reference(beanManager.createCreationalContext(bean));
            shared = body;
        }
        return body.run(ctx, input);
    }

    @SuppressWarnings("unchecked")
    private FlowBody<Object, Object> reference(CreationalContext<?> creation) {
        return (FlowBody<Object, Object>) beanManager.getReference(bean, beanType, creation);
    }

    @Override
    public String toString() {
        return "bean " + bean.getBeanClass().getName();
    }
}
