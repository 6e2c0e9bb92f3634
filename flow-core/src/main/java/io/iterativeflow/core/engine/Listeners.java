package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's {@link FlowListener}s, called so that none can harm the engine: the first exception (or error other
 * than a virtual machine error) a listener throws is logged once, and that listener is never called again.
 */
public final class Listeners {

    private static final Logger LOG = Logger.getLogger(Listeners.class.getName());

    private final List<FlowListener> active;

    Listeners(List<FlowListener> listeners) {
        this.active = new CopyOnWriteArrayList<>(listeners);
    }

    /** How many listeners are still called. */
    public int active() {
        return active.size();
    }

    /** Calls {@code event} on every listener still active; {@code what} names the event in the report. */
    public void fire(String what, Consumer<FlowListener> event) {
        for (FlowListener listener : active) {
            try {
                event.accept(listener);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable failure) {
                if (active.remove(listener)) {
                    LOG.log(Level.WARNING, "flow listener " + listener.getClass().getName() + " threw on " + what
                            + " and is no longer called; fix it and redeploy", failure);
                }
            }
        }
    }
}
