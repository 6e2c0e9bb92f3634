package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.config.ListenSettings;
import io.iterativeflow.core.spi.ListenerState;
import io.iterativeflow.core.spi.Notifications;
import io.iterativeflow.core.spi.Notifications.Notification;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Turns database notifications into wake-ups: a ready run of a deployed flow wakes the dispatcher, a run's end or a
 * recorded step pokes its waiters, a cancel aborts the attempt running here. Owns the {@link Listener}.
 */
final class Wakeups implements Listener.Sink {

    private static final Logger LOG = Logger.getLogger(Wakeups.class.getName());

    private final EngineParts parts;
    private final Runnable wakeDispatcher;
    private final Set<String> flowNames;
    private final Listener listener;
    private boolean started;

    Wakeups(EngineParts parts, Runnable wakeDispatcher, ListenSettings settings, ThreadFactory threads) {
        this.parts = parts;
        this.wakeDispatcher = wakeDispatcher;
        this.flowNames = parts.registry().all().stream().map(FlowDefinition::name).collect(Collectors.toSet());
        this.listener = new Listener(parts.store().notifications(), settings, parts.instanceId(), parts.clock(),
                this, threads);
    }

    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        listener.start();
    }

    synchronized void stop() {
        listener.stop();
        parts.completions().close();
    }

    ListenerState state() {
        return listener.state();
    }

    Instant since() {
        return listener.since();
    }

    Optional<String> disabledBecause() {
        return listener.disabledBecause();
    }

    @Override
    public void deliver(List<Notification> notifications) {
        boolean ready = false;
        for (Notification n : notifications) {
            try {
                ready |= route(n);
            } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
                LOG.log(Level.FINE, "ignored a malformed notification " + n, malformed);
            }
        }
        if (ready) {
            wakeDispatcher.run();
        }
    }

    @Override
    public void connected() {
        wakeDispatcher.run();
        parts.completions().fireAll();
    }

    /** Handles one notification; true when it asks for a claim. */
    private boolean route(Notification n) {
        switch (n.channel()) {
            case Notifications.READY:
                return flowNames.contains(n.payload());
            case Notifications.TERMINAL:
                UUID ended = UUID.fromString(n.payload());
                // An attempt here wrote it: that attempt hands the final state to the waiters here, no read needed.
                // If the ending was another instance's after all (a lost lease), the attempt pokes them as it ends.
                if (!parts.inFlight().contains(ended)) {
                    parts.completions().fire(ended);
                }
                return false;
            case Notifications.PROGRESS:
                int space = n.payload().indexOf(' ');
                parts.completions().progress(UUID.fromString(n.payload().substring(0, space)),
                        n.payload().substring(space + 1));
                return false;
            case Notifications.CANCEL:
                UUID runId = UUID.fromString(n.payload());
                parts.inFlight().abort(runId, "run canceled");
                parts.completions().fire(runId);
                return false;
            default:
                return false;
        }
    }
}
