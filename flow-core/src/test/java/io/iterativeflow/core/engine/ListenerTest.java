package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.core.config.ListenSettings;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.ListenerState;
import io.iterativeflow.core.spi.Notifications;
import io.iterativeflow.core.spi.Notifications.Notification;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listener's state machine against a scripted notification source (the PostgreSQL side is tested in flow-jpa):
 * each script step either fails to connect, or connects and then delivers or breaks.
 */
class ListenerTest {

    private static final ListenSettings QUICK = ListenSettings.defaults().withBackoff(Duration.ofMillis(1),
            Duration.ofMillis(4));

    private final List<Notification> delivered = new CopyOnWriteArrayList<>();
    private final BlockingQueue<ListenerState> connects = new LinkedBlockingQueue<>();
    private final AtomicInteger connected = new AtomicInteger();
    private Listener listener;

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.stop();
        }
    }

    @Test
    void back_off_doubles_from_the_initial_delay_up_to_the_cap_with_jitter() {
        Listener defaults = listener(Optional.empty(), ListenSettings.defaults());
        for (int i = 0; i < 50; i++) {
            assertThat(defaults.delayMillis(1)).isBetween(500L, 1_000L);
            assertThat(defaults.delayMillis(2)).isBetween(1_000L, 2_000L);
            assertThat(defaults.delayMillis(5)).isBetween(8_000L, 16_000L);
            assertThat(defaults.delayMillis(6)).isBetween(15_000L, 30_000L);
            assertThat(defaults.delayMillis(1_000)).isBetween(15_000L, 30_000L);
        }
    }

    @Test
    void without_notifications_or_when_switched_off_it_is_disabled_and_stays_so() {
        Listener none = listener(Optional.empty(), ListenSettings.defaults());
        none.start();
        assertThat(none.state()).isEqualTo(ListenerState.DISABLED);
        Listener off = listener(Optional.of(name -> {
            throw new AssertionError("must not connect");
        }), ListenSettings.defaults().withEnabled(false));
        off.start();
        off.stop();
        assertThat(off.state()).isEqualTo(ListenerState.DISABLED);
    }

    @Test
    void failed_connects_back_off_and_every_successful_connect_wakes_everything_once() throws Exception {
        CountDownLatch secondConnect = new CountDownLatch(2);
        AtomicInteger opens = new AtomicInteger();
        Notifications source = name -> {
            int n = opens.incrementAndGet();
            if (n <= 2) {
                throw new IllegalStateException("database down");
            }
            return new Scripted(n == 3 ? List.of(new Notification("flow_ready", "a")) : List.of(), n == 3,
                    secondConnect);
        };
        listener = listener(Optional.of(source), QUICK);

        listener.start();

        assertThat(secondConnect.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(opens.get()).isGreaterThanOrEqualTo(4);
        assertThat(connected.get()).isGreaterThanOrEqualTo(2);
        assertThat(delivered).contains(new Notification("flow_ready", "a"));
        assertThat(connects.poll(10, TimeUnit.SECONDS)).isEqualTo(ListenerState.LISTENING);
    }

    @Test
    void a_database_that_cannot_notify_disables_the_listener_for_good() throws Exception {
        CountDownLatch tried = new CountDownLatch(1);
        listener = listener(Optional.of(name -> {
            tried.countDown();
            throw new UnsupportedOperationException("not PostgreSQL");
        }), QUICK);

        listener.start();

        assertThat(tried.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.state() == ListenerState.DISABLED);
    }

    @Test
    void stop_ends_listening_and_closes_the_connection() throws Exception {
        CountDownLatch listening = new CountDownLatch(1);
        Scripted connection = new Scripted(List.of(), false, listening);
        listener = listener(Optional.of(name -> connection), QUICK);
        listener.start();
        assertThat(listening.await(10, TimeUnit.SECONDS)).isTrue();

        listener.stop();

        assertThat(listener.state()).isEqualTo(ListenerState.STOPPED);
        assertThat(connection.closed.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private Listener listener(Optional<Notifications> source, ListenSettings settings) {
        return new Listener(source, settings, "i", FlowClock.SYSTEM, sink(), Thread::new);
    }

    private Listener.Sink sink() {
        return new Listener.Sink() {
            @Override
            public void deliver(List<Notification> notifications) {
                delivered.addAll(notifications);
            }

            @Override
            public void connected() {
                connected.incrementAndGet();
                connects.add(listener == null ? ListenerState.LISTENING : listener.state());
            }
        };
    }

    /** Delivers its notifications once, then either breaks or stays quiet; counts down when first polled. */
    private static final class Scripted implements Notifications.Listening {

        private final List<Notification> once;
        private final boolean breaks;
        private final CountDownLatch polled;
        final CountDownLatch closed = new CountDownLatch(1);
        /** Never counted down: a poll with nothing to deliver waits out its timeout, like a quiet socket. */
        private final CountDownLatch quiet = new CountDownLatch(1);
        private boolean sent;

        Scripted(List<Notification> once, boolean breaks, CountDownLatch polled) {
            this.once = once;
            this.breaks = breaks;
            this.polled = polled;
        }

        @Override
        public List<Notification> poll(Duration timeout) {
            if (!sent) {
                sent = true;
                polled.countDown();
                return once;
            }
            if (breaks) {
                throw new IllegalStateException("connection reset");
            }
            try {
                quiet.await(Math.min(timeout.toMillis(), 20), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
