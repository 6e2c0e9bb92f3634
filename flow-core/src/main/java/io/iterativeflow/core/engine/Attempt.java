package io.iterativeflow.core.engine;

import io.iterativeflow.core.spi.Fence;

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
