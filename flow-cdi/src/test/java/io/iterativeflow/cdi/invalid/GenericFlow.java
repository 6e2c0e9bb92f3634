package io.iterativeflow.cdi.invalid;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import jakarta.enterprise.context.Dependent;

/** Its input type is a type variable, which the engine cannot deserialize into. */
@Flow
@Dependent
public class GenericFlow<T> implements FlowBody<T, String> {

    @Override
    public String run(FlowContext ctx, T input) {
        return String.valueOf(input);
    }
}
