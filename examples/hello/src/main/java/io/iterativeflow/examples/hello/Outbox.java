package io.iterativeflow.examples.hello;

import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stands in for a mail or SMS gateway: "sends" by logging. Like a real gateway it is sometimes busy: the first
 * {@code hello.outbox.busy-tries} tries of every message fail, so the flow's retries can be seen at work.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    @Inject
    @ConfigProperty(name = "hello.outbox.busy-tries", defaultValue = "1")
    int busyTries;

    /** Sends {@code text} and returns the message id; {@code attempt} is the step's try, starting at 1. */
    public String send(String runId, String text, int attempt) {
        if (attempt <= busyTries) {
            LOG.warning(() -> "run " + runId + ": outbox busy on try " + attempt + ", the engine will retry");
            throw new IllegalStateException("outbox busy (simulated), try " + attempt);
        }
        String messageId = "msg-" + UUID.randomUUID();
        LOG.info(() -> "run " + runId + ": sent '" + text + "' as " + messageId + " on try " + attempt);
        return messageId;
    }
}
