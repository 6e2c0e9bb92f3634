package io.iterativeflow.core.engine;

import io.iterativeflow.core.config.ListenSettings;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.ListenerState;
import io.iterativeflow.core.spi.Notifications;
import io.iterativeflow.core.spi.Notifications.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's one listening connection, kept open by a dedicated thread: {@code CONNECTING → LISTENING}; when the
 * connection fails, {@code BACKING_OFF} (1 s doubling to 30 s, with jitter) and again {@code CONNECTING}. Every
 * successful (re)connect tells the sink, which wakes everything once, since notifications may have been missed.
 */
final class Listener {

    /** Where notifications go. */
    interface Sink {
        void deliver(List<Notification> notifications);

        /** The listener is (again) listening; whatever was sent while it was not is lost. */
        void connected();
    }

    static final Duration POLL = Duration.ofMillis(500);
    private static final long STOP_WAIT_MILLIS = 3_000;
    private static final Logger LOG = Logger.getLogger(Listener.class.getName());

    private final Optional<Notifications> source;
    private final ListenSettings settings;
    private final String name;
    private final FlowClock clock;
    private final Sink sink;
    private final ThreadFactory threads;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile ListenerState state;
    private volatile Instant since;
    private volatile String disabledBecause;
    private Thread thread;

    Listener(Optional<Notifications> source, ListenSettings settings, String instanceId, FlowClock clock,
            Sink sink, ThreadFactory threads) {
        this.source = settings.enabled() ? source : Optional.empty();
        this.settings = settings;
        this.name = "iterativeflow listener " + instanceId;
        this.clock = clock;
        this.sink = sink;
        this.threads = threads;
        this.state = this.source.isPresent() ? ListenerState.IDLE : ListenerState.DISABLED;
        this.disabledBecause = !settings.enabled() ? "switched off by flow.worker.listen=false"
                : source.isEmpty() ? "this database sends no notifications" : null;
        this.since = clock.instant();
    }

    ListenerState state() {
        return state;
    }

    Instant since() {
        return since;
    }

    /** Why the listener is {@link ListenerState#DISABLED}; empty in every other state. */
    Optional<String> disabledBecause() {
        return state == ListenerState.DISABLED ? Optional.ofNullable(disabledBecause) : Optional.empty();
    }

    synchronized void start() {
        if (state != ListenerState.IDLE) {
            return;
        }
        move(ListenerState.CONNECTING);
        thread = threads.newThread(this::run);
        thread.start();
    }

    /** Stops the thread and waits briefly for it to give its connection back. */
    void stop() {
        Thread running;
        synchronized (this) {
            stopping.countDown();
            running = thread;
            if (state != ListenerState.DISABLED) {
                move(ListenerState.STOPPED);
            }
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            loop();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "the database listener died; the engine finds work by polling only", e);
            disabledBecause = "the listener died: " + e;
            move(ListenerState.DISABLED);
            throw e;
        }
    }

    private void loop() {
        int failures = 0;
        while (!stopped()) {
            move(ListenerState.CONNECTING);
            Notifications.Listening listening;
            try {
                listening = source.orElseThrow().listen(name);
            } catch (UnsupportedOperationException | LinkageError e) {
                disabledBecause = String.valueOf(e.getMessage());
                LOG.log(Level.WARNING, "iterativeflow cannot listen for database notifications, so it finds new"
                        + " work and results only by polling (flow.worker.poll-interval): " + disabledBecause, e);
                move(ListenerState.DISABLED);
                return;
            } catch (RuntimeException e) {
                backOff(++failures, e);
                continue;
            }
            try (listening) {
                if (stopped()) {
                    return;
                }
                move(ListenerState.LISTENING);
                sink.connected();
                while (!stopped()) {
                    List<Notification> received = listening.poll(POLL);
                    failures = 0;
                    deliver(received);
                }
            } catch (RuntimeException e) {
                backOff(++failures, e);
            }
        }
    }

    private void deliver(List<Notification> received) {
        if (received.isEmpty()) {
            return;
        }
        try {
            sink.deliver(received);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handling " + received.size() + " notification(s) failed; polling finds the work",
                    e);
        }
    }

    private void backOff(int failures, RuntimeException cause) {
        if (stopped()) {
            return;
        }
        long delay = delayMillis(failures);
        LOG.log(failures == 1 ? Level.INFO : Level.WARNING, "listening connection failed (" + cause
                + "); reconnecting in " + delay + " ms, polling meanwhile");
        move(ListenerState.BACKING_OFF);
        try {
            stopping.await(delay, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }

    /** The back-off before reconnect number {@code failures}: doubling, capped, between half and all of it. */
    long delayMillis(int failures) {
        long initial = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long base = failures >= 31 ? max : Math.min(max, initial << Math.max(0, failures - 1));
        long half = Math.max(1, base / 2);
        return half + ThreadLocalRandom.current().nextLong(base - half + 1);
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    private synchronized void move(ListenerState next) {
        if (state == next || (state == ListenerState.STOPPED && next != ListenerState.STOPPED)) {
            return;
        }
        state = next;
        since = clock.instant();
    }
}
