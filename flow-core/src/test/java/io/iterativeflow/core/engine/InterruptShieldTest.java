package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.FlowStore;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An interrupt aimed at a thread inside a store call waits until the call returns, then arrives. */
class InterruptShieldTest {

    private final CountDownLatch inCall = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A store whose {@code schemaVersion()} waits for {@link #release} and tells whether its thread was interrupted. */
    private final FlowStore slow = (FlowStore) Proxy.newProxyInstance(FlowStore.class.getClassLoader(),
            new Class<?>[] {FlowStore.class}, (proxy, method, args) -> {
                inCall.countDown();
                while (!release.await(10, TimeUnit.MILLISECONDS)) {
                    Thread.onSpinWait();
                }
                return Thread.currentThread().isInterrupted() ? "interrupted" : "calm";
            });

    @Test
    void an_interrupt_during_a_store_call_is_delivered_when_the_call_returns() throws Exception {
        FlowStore shielded = InterruptShield.wrap(slow);
        CompletableFuture<String> seen = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            String during = shielded.schemaVersion();
            seen.complete(during + ", then " + (Thread.interrupted() ? "interrupted" : "calm"));
        });
        worker.start();
        assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();

        InterruptShield.interrupt(worker);
        release.countDown();

        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("calm, then interrupted");
    }

    @Test
    void a_thread_outside_store_calls_is_interrupted_at_once() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        Thread idle = new Thread(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                interrupted.complete(false);
            } catch (InterruptedException e) {
                interrupted.complete(true);
            }
        });
        idle.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        InterruptShield.interrupt(idle);

        assertThat(interrupted.get(10, TimeUnit.SECONDS)).isTrue();
    }
}
