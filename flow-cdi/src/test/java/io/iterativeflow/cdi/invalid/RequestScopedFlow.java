package io.iterativeflow.cdi.invalid;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import jakarta.enterprise.context.RequestScoped;

@Flow
@RequestScoped
public class RequestScopedFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String input) {
        return input;
    }
}
