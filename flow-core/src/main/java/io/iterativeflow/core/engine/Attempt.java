package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.Fence;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One attempt in flight on this instance: the thread running the body and the token its steps watch. Aborting it
 * (cancel, lost lease, halt) cancels the token and interrupts the thread, but only while the thread still works on
 * this attempt, and never in the middle of a store call ({@link InterruptShield}).
 */
final class Attempt {

    private final Fence fence;
    private final Token token = new Token();
    private Thread thread;
    private volatile String abortReason;
    private String failureCode;
    private String failureMessage;
    private Throwable failureCause;
    private Supplier<Optional<String>> startedBy = Optional::empty;
    private volatile Optional<String> startedByRead;

    Attempt(Fence fence, Thread thread) {
        this.fence = fence;
        this.thread = thread;
    }

    Fence fence() {
        return fence;
    }

    Token token() {
        return token;
    }

    /** Where {@link #startedBy()} reads the run's caller from, once, when a step or the body first asks. */
    Attempt startedByFrom(Supplier<Optional<String>> source) {
        this.startedBy = source;
        return this;
    }

    /** The caller principal that started the run; read from the store on first use, then kept for the attempt. */
    Optional<String> startedBy() {
        Optional<String> read = startedByRead;
        if (read == null) {
            read = startedBy.get();
            startedByRead = read;
        }
        return read;
    }

    boolean isAborted() {
        return abortReason != null;
    }

    void checkLive() {
        String reason = abortReason;
        if (reason != null) {
            throw new Aborted(reason);
        }
    }

    synchronized void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
        }
        token.cancel(reason);
        if (thread != null) {
            InterruptShield.interrupt(thread);
        }
    }

    /** Remembers, on the body thread, why the attempt failed the run (for its trace). */
    void failedWith(String code, String message, Throwable cause) {
        this.failureCode = code;
        this.failureMessage = message;
        this.failureCause = cause;
    }

    String failureCode() {
        return failureCode;
    }

    String failureMessage() {
        return failureMessage;
    }

    Throwable failureCause() {
        return failureCause;
    }

    /** Called by the body thread when the attempt ends; clears an interrupt meant for this attempt. */
    synchronized void detach() {
        thread = null;
        Thread.interrupted();
    }
}
