package io.iterativeflow.api;

import java.util.Optional;

/**
 * How a signal is sent. A delivery id makes a send safe to repeat: a second send with the same id to the same run
 * and signal name is not stored again and reports {@link SignalDeliveryResult.Duplicate}.
 *
 * @param deliveryId the caller's id for this delivery, 1 to {@value #MAX_DELIVERY_ID_LENGTH} characters
 */
public record SignalSendOptions(Optional<String> deliveryId) {

    /** Longest accepted delivery id. */
    public static final int MAX_DELIVERY_ID_LENGTH = 512;

    private static final SignalSendOptions NONE = new SignalSendOptions(Optional.empty());

    public SignalSendOptions {
        if (deliveryId == null) {
            throw new IllegalArgumentException("delivery id must not be null: use Optional.empty() for none");
        }
        deliveryId.ifPresent(SignalSendOptions::check);
    }

    /** No delivery id: every send is a new signal. */
    public static SignalSendOptions none() {
        return NONE;
    }

    /** Sends with {@code deliveryId}, so a repeated send reports {@code Duplicate} instead of signalling twice. */
    public static SignalSendOptions deliveryId(String deliveryId) {
        return new SignalSendOptions(Optional.of(check(deliveryId)));
    }

    private static String check(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_DELIVERY_ID_LENGTH) {
            throw new IllegalArgumentException("delivery id must be 1 to " + MAX_DELIVERY_ID_LENGTH
                    + " characters and not blank, got " + (id == null ? "null" : id.length() + " characters"));
        }
        return id;
    }
}
