package io.iterativeflow.cdi.flows;

import io.iterativeflow.api.FlowListener;
import jakarta.enterprise.context.ApplicationScoped;

/** A listener bean with a bug: it throws on every event it hears. */
@ApplicationScoped
public class BrokenListener implements FlowListener {

    @Override
    public void runStarted(RunEvent run) {
        throw new IllegalStateException("broken listener");
    }
}
