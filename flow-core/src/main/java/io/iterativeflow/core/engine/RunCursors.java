package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.RunPosition;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The opaque cursor of a listing page: base64url of a format byte, the last run's creation time (microseconds, as
 * PostgreSQL keeps it) and id, and a CRC-32 of those, so an altered or truncated cursor is refused instead of
 * silently listing from another place.
 */
final class RunCursors {

    private static final byte FORMAT = 1;
    private static final int BODY = 1 + Long.BYTES + 2 * Long.BYTES;
    private static final int LENGTH = BODY + Integer.BYTES;

    private RunCursors() {
    }

    static String encode(RunPosition position) {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH);
        bytes.put(FORMAT)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, position.createdAt()))
                .putLong(position.runId().getMostSignificantBits())
                .putLong(position.runId().getLeastSignificantBits());
        bytes.putInt(checksum(bytes.array()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** @throws FlowException {@code ARGUMENT_INVALID} when {@code cursor} is not one this engine wrote, unaltered */
    static RunPosition decode(String cursor) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
        if (raw.length != LENGTH || raw[0] != FORMAT) {
            throw invalid(null);
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        if (bytes.getInt(BODY) != checksum(raw)) {
            throw invalid(null);
        }
        bytes.position(1);
        long micros = bytes.getLong();
        UUID id = new UUID(bytes.getLong(), bytes.getLong());
        return new RunPosition(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    }

    private static int checksum(byte[] raw) {
        CRC32 crc = new CRC32();
        crc.update(raw, 0, BODY);
        return (int) crc.getValue();
    }

    private static FlowException invalid(Throwable cause) {
        return new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the cursor is not one that listRuns returned, or it"
                + " was altered; pass a RunPage's nextCursor unchanged, or no cursor to start from the newest run",
                cause);
    }
}
