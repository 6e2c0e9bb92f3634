package io.iterativeflow.cdi.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the warnings logged under {@code io.iterativeflow} while open. */
public final class LogRecords extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("io.iterativeflow");
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private LogRecords() {
        logger.addHandler(this);
    }

    public static LogRecords capture() {
        return new LogRecords();
    }

    /** The messages of the warnings logged so far. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record.getMessage());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
