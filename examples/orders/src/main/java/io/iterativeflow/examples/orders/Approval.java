package io.iterativeflow.examples.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The payload of the {@code approval} signal. Its constraints are checked when the signal is sent: a payload that
 * breaks them is refused (HTTP 400, SIGNAL_PAYLOAD_INVALID) and the order keeps waiting.
 */
public record Approval(
        @NotNull Boolean approved,
        @NotBlank @Size(max = 100) String approver,
        @Size(max = 500) String comment) {
}
