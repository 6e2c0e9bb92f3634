package io.iterativeflow.jpa.internal;

import jakarta.transaction.Status;

/** Names of {@link Status} values, for messages. */
final class JtaStatus {

    private JtaStatus() {
    }

    static String name(int status) {
        return switch (status) {
            case Status.STATUS_ACTIVE -> "active";
            case Status.STATUS_MARKED_ROLLBACK -> "marked for rollback";
            case Status.STATUS_PREPARED -> "prepared";
            case Status.STATUS_COMMITTED -> "committed";
            case Status.STATUS_ROLLEDBACK -> "rolled back";
            case Status.STATUS_NO_TRANSACTION -> "absent";
            case Status.STATUS_PREPARING -> "preparing";
            case Status.STATUS_COMMITTING -> "committing";
            case Status.STATUS_ROLLING_BACK -> "rolling back";
            default -> "in an unknown state (" + status + ")";
        };
    }
}
