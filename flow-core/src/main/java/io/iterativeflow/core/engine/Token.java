package io.iterativeflow.core.engine;

import io.iterativeflow.api.CancellationToken;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A cancellation token that runs its callbacks once, on the first cancel. */
final class Token implements CancellationToken {

    private static final Logger LOG = Logger.getLogger(Token.class.getName());

    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private volatile String reason;

    @Override
    public boolean isCancelled() {
        return reason != null;
    }

    @Override
    public void throwIfCancelled() {
        String r = reason;
        if (r != null) {
            throw new FlowException(FlowErrorCode.STEP_CANCELED, "step cancelled: " + r);
        }
    }

    @Override
    public void onCancel(Runnable callback) {
        if (callback == null) {
            throw new IllegalArgumentException("callback must not be null");
        }
        callbacks.add(callback);
        if (isCancelled() && callbacks.remove(callback)) {
            safeRun(callback);
        }
    }

    void cancel(String why) {
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why;
        }
        for (Runnable callback : callbacks) {
            if (callbacks.remove(callback)) {
                safeRun(callback);
            }
        }
    }

    private static void safeRun(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a cancellation callback threw; ignored", e);
        }
    }
}
