package io.iterativeflow.core.spi;

/**
 * The state of an engine's database listener (PostgreSQL {@code LISTEN}), for health checks. Polling works in every
 * state; the listener only makes wake-ups faster.
 */
public enum ListenerState {
    /** This engine does not listen (the store has no notifications, or listening is switched off). */
    DISABLED,
    IDLE,
    CONNECTING,
    LISTENING,
    /** The connection was lost; it is being re-opened with back-off. */
    RECONNECTING,
    STOPPED
}
