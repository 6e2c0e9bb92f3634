package io.iterativeflow.examples.orders.inventory;

/** The warehouse system refused a request for now (simulated); the step that called it is retried. */
public class WarehouseBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WarehouseBusyException(String message) {
        super(message);
    }
}
