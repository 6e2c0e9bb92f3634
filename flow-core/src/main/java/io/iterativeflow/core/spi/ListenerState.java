package io.iterativeflow.core.spi;

/**
 * The state of an engine's database listener (PostgreSQL {@code LISTEN}), for health checks. Polling works in every
 * state; the listener only makes wake-ups faster.
 */
public enum ListenerState {
    /** This engine does not listen (the store has no notifications, or listening is switched off). */
    DISABLED,
    /** The engine has not been started yet. */
    IDLE,
    /** Opening the listening connection. */
    CONNECTING,
    /** Listening: notifications wake the engine and waiters at once. */
    LISTENING,
    /** The connection failed or was lost; it is opened again after a back-off (1 s doubling to 30 s). */
    BACKING_OFF,
    /** The engine stopped. */
    STOPPED
}
