package io.iterativeflow.test.flows;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import java.util.function.UnaryOperator;

/** A flow whose collaborator comes through its constructor, as a test without a container gives it. */
@Flow(name = "signup")
public class Signup implements FlowBody<String, String> {

    private final UnaryOperator<String> mailer;

    public Signup(UnaryOperator<String> mailer) {
        this.mailer = mailer;
    }

    @Override
    public String run(FlowContext ctx, String email) {
        return ctx.step("welcome", String.class, s -> mailer.apply(email));
    }
}
