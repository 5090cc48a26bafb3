package io.qapi.runtime.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The lines the server logs at a level or above, while open. */
final class LogLines extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level oldLevel;
    final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogLines(Class<?> owner, Level level) {
        logger = Logger.getLogger(owner.getName());
        oldLevel = logger.getLevel();
        setLevel(level);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(oldLevel);
    }
}
