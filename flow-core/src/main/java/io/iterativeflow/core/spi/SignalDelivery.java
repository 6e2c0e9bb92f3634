package io.iterativeflow.core.spi;

/** What {@link FlowStore#deliverSignal} did. Only {@link #DELIVERED} and {@link #BUFFERED} stored the signal. */
public enum SignalDelivery {
    /** The run waited for this name: the signal is stored and the run made ready, in one transaction. */
    DELIVERED,
    /** The run does not wait for this name (or already has a signal for it waiting): the signal is stored. */
    BUFFERED,
    /** A signal with the same delivery id is already stored for this run and name. */
    DUPLICATE,
    /** The run is completed, failed or canceled. */
    RUN_FINISHED,
    /** The run's last wait for this name timed out and it does not wait for the name again. */
    WAIT_TIMED_OUT,
    /** There is no such run. */
    RUN_NOT_FOUND,
    /** The payload does not fit the declaration of the run's flow version (bulk sends only); nothing was stored. */
    PAYLOAD_REFUSED
}
