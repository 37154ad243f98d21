package dev.marketpipe.testsupport;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log lines a service writes while a test runs, each with the batch id of its MDC, so a test
 * can prove that the lines of a real batch handling carry that batch's id. A handler on the root logger of the
 * JBoss LogManager (the one the services log through, in {@code @QuarkusTest}s too); the MDC is read while the
 * record is published, on the logging thread, where it is still the handling's.
 */
public final class LogCapture implements AutoCloseable {

    /** One captured line; {@code batchId} is null when the line carried none. */
    public record Line(String logger, String level, String message, String batchId, String thread) {
    }

    private static final String BATCH_ID = "batchId";

    private final Queue<Line> lines = new ConcurrentLinkedQueue<>();
    private final Logger root = LogContext.getLogContext().getLogger("");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String batchId = record instanceof ExtLogRecord ext ? ext.getMdc(BATCH_ID) : null;
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            lines.add(new Line(record.getLoggerName(), record.getLevel().getName(), message, batchId,
                    Thread.currentThread().getName()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        root.addHandler(handler);
    }

    /** Starts capturing; close to stop. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** Every line captured so far. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The captured lines whose message mentions {@code text} (e.g. a batch id). */
    public List<Line> mentioning(String text) {
        return lines.stream().filter(l -> l.message() != null && l.message().contains(text)).toList();
    }

    /** The captured lines that carry {@code batchId} in their MDC. */
    public List<Line> taggedWith(String batchId) {
        return lines.stream().filter(l -> batchId.equals(l.batchId())).toList();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
