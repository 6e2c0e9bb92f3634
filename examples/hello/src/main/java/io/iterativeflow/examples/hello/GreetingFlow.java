package io.iterativeflow.examples.hello;

import java.time.Duration;

import jakarta.inject.Inject;

import io.iterativeflow.api.Backoff;
import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.StepOptions;

/**
 * Greets someone, durably: check the request, compose the text, wait a moment, send it. Each step's result is
 * recorded; after a restart the run continues where it stopped and no step that finished runs again.
 */
@Flow(name = "greeting", version = 1)
public class GreetingFlow implements FlowBody<GreetingRequest, Greeting> {

    /** A durable pause: no thread waits, and it survives a server restart. */
    static final Duration PAUSE = Duration.ofSeconds(3);

    /** The outbox may be busy: try up to four times, one second apart. */
    static final StepOptions SEND = StepOptions.defaults()
            .withRetries(3)
            .withBackoff(Backoff.fixed(Duration.ofSeconds(1)))
            .withTimeout(Duration.ofSeconds(10));

    @Inject
    Outbox outbox;

    @Override
    public Greeting run(FlowContext ctx, GreetingRequest request) {
        GreetingRequest checked = ctx.step("validate", GreetingRequest.class, s -> Phrasebook.checked(request));
        String text = ctx.step("compose", String.class, s -> Phrasebook.compose(checked));
        ctx.sleep("pause", PAUSE);
        String messageId = ctx.step("send", String.class, SEND, s -> outbox.send(s.runId(), text, s.attempt()));
        return new Greeting(checked.name(), text, messageId);
    }
}
