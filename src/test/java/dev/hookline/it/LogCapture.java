package dev.hookline.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything the server logs while a test runs, at every level, formatted with its stack traces: the records of this
 * JVM's logging, where an embedded server logs and where a test in the server runs; and, from a test outside the
 * server that asks for it, what this JVM prints to its standard output, where the adapter of a server in a process of
 * its own (Payara Micro) relays that server's log.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Logger root = Logger.getLogger("");
    private final Level previous;
    private final PrintStream standardOutput = System.out;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    LogCapture() {
        setLevel(Level.ALL);
        previous = Logger.getLogger("dev.hookline").getLevel();
        Logger.getLogger("dev.hookline").setLevel(Level.ALL);
        root.addHandler(this);
    }

    /** This JVM's logging and its standard output: for a test that runs outside the server. */
    static LogCapture includingStandardOutput() {
        LogCapture capture = new LogCapture();
        System.setOut(new PrintStream(new Tee(capture.standardOutput, capture.printed), true,
                Charset.defaultCharset()));
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(formatter.format(record));
        messages.add(record.getLevel().getName() + ": " + formatter.formatMessage(record));
    }

    /** Each record of this JVM's logging as its level's name, a colon and its message, whatever the format. */
    List<String> messages() {
        return List.copyOf(messages);
    }

    List<String> lines() {
        List<String> all = new ArrayList<>(lines);
        synchronized (printed) {
            all.add(printed.toString(Charset.defaultCharset()));
        }
        return all;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        System.setOut(standardOutput);
        root.removeHandler(this);
        Logger.getLogger("dev.hookline").setLevel(previous);
    }

    /** Writes to standard output as before, and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream out, ByteArrayOutputStream copy) {
            this.out = out;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            writeThrough(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
            writeThrough(bytes, offset, length);
        }

        private void writeThrough(byte[] bytes, int offset, int length) {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
