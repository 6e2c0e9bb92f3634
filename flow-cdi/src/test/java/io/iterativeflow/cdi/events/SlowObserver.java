package io.iterativeflow.cdi.events;

import io.iterativeflow.api.FlowEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CountDownLatch;

/** An observer that, once armed, does not return from the first start it hears until the test lets it. */
@ApplicationScoped
public class SlowObserver {

    private static volatile CountDownLatch entered = new CountDownLatch(0);
    private static volatile CountDownLatch release = new CountDownLatch(0);

    public static void arm() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    public static boolean blocking() {
        return entered.getCount() == 0 && release.getCount() > 0;
    }

    public static void release() {
        release.countDown();
    }

    void started(@Observes FlowEvent.RunStarted event) throws InterruptedException {
        if (entered.getCount() > 0) {
            entered.countDown();
            release.await();
        }
    }
}
