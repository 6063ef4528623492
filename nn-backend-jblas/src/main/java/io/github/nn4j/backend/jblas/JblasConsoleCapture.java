package io.github.nn4j.backend.jblas;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps jblas's console messages off the console while its native library loads, and keeps them for the
 * diagnosis.
 *
 * <p>jblas reports a failed native load only by printing {@code -- org.jblas ERROR ...} lines to
 * {@link System#err} (its own logger has no other sink) and then failing later with an
 * {@link UnsatisfiedLinkError} that names a method, not the cause. While a capture is open, {@code System.err}
 * is replaced by a line filter: lines starting with {@value #PREFIX} (and the blank line jblas adds after an
 * error) are collected, every other line is passed through to the original stream unchanged, so output of other
 * threads is not lost. {@link #close()} restores the original stream.
 */
final class JblasConsoleCapture implements AutoCloseable {
    /** How jblas's logger starts each line. */
    static final String PREFIX = "-- org.jblas ";

    private final PrintStream original;
    private final LineFilter filter;
    private final PrintStream replacement;

    private JblasConsoleCapture(PrintStream original) {
        this.original = original;
        this.filter = new LineFilter(original);
        this.replacement = new PrintStream(filter, true);
    }

    /** Starts capturing: from now until {@link #close()}, jblas's lines on {@code System.err} are collected. */
    static JblasConsoleCapture start() {
        JblasConsoleCapture capture = new JblasConsoleCapture(System.err);
        System.setErr(capture.replacement);
        return capture;
    }

    /** The collected jblas messages, without the prefix (e.g. {@code "ERROR Couldn't load copied link file: ..."}). */
    List<String> messages() {
        return filter.messages();
    }

    /** Restores the original {@code System.err} (unless someone else has replaced it meanwhile) and flushes. */
    @Override
    public void close() {
        replacement.flush();
        filter.flushPartialLine();
        if (System.err == replacement) {
            System.setErr(original);
        }
    }

    /** Splits the byte stream into lines and routes each one. */
    private static final class LineFilter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final List<String> messages = new ArrayList<>();
        private boolean swallowBlank;

        LineFilter(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                endLine();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        private void endLine() {
            String text = line.toString(Charset.defaultCharset());
            if (text.startsWith(PREFIX)) {
                messages.add(text.substring(PREFIX.length()).trim());
                swallowBlank = true;
            } else if (text.isBlank() && swallowBlank) {
                swallowBlank = false;
            } else {
                swallowBlank = false;
                byte[] bytes = line.toByteArray();
                target.write(bytes, 0, bytes.length);
                target.println();
            }
            line.reset();
        }

        synchronized void flushPartialLine() {
            if (line.size() > 0) {
                byte[] bytes = line.toByteArray();
                target.write(bytes, 0, bytes.length);
                target.flush();
                line.reset();
            }
        }

        synchronized List<String> messages() {
            return List.copyOf(messages);
        }
    }
}
