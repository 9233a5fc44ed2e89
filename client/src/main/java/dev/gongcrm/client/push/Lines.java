package dev.gongcrm.client.push;

import dev.gongcrm.validator.read.LineSplitter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream line by line as bytes, handing each line over in place when it lies in one buffer.
 * Public for the read-back ({@code dev.gongcrm.client.verify}), which streams a bundle's files as a push does.
 */
public final class Lines {

    /** No object is this long; a longer "line" is a binary file or a runaway writer, not data to hold in memory. */
    public static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    @FunctionalInterface
    public interface Visitor {
        /**
         * One line: {@code bytes[from, to)}, with its {@code '\n'} when it has one (the last line may
         * not); {@code number} is 1-based.
         */
        void line(byte[] bytes, int from, int to, int number) throws IOException;
    }

    /** Takes a stream's bytes as a reader reads them, in chunks of any size, then hears of its end. */
    interface ByteSink {
        void accept(byte[] chunk, int offset, int length);

        void end();

        /**
         * Whether whoever reads for the sink must also take the bytes' SHA-256: when what the sink makes
         * of them is not a copy, the file is read again, and must then still be the bytes read now.
         */
        default boolean needsSha256() {
            return true;
        }
    }

    /** Thrown for a line over {@link #MAX_LINE_BYTES}: its number. */
    static final class TooLong extends IOException {
        final int line;

        TooLong(int line) {
            super("line " + line + " is over " + MAX_LINE_BYTES / (1024 * 1024) + " MB");
            this.line = line;
        }

        /** What a push says of it: the file and line, and that no upload can take it. */
        PushException inPush(Object file) {
            return new PushException(file + ":" + line + ": this line is over " + MAX_LINE_BYTES / (1024 * 1024)
                    + " MB; Gong cannot take it in any upload");
        }
    }

    private Lines() {
    }

    public static void read(InputStream in, Visitor visitor) throws IOException {
        Splitter lines = new Splitter(visitor);
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = in.read(buffer)) > 0) {
            lines.accept(buffer, 0, read);
        }
        lines.end();
    }

    /**
     * Lines out of bytes as they come, in chunks of any size: for a reader that does not hold the
     * stream, such as a push that plans from the bytes validation reads.
     */
    static final class Splitter {
        private final Visitor visitor;
        private byte[] carry = new byte[0];
        private int carried;
        private int number = 1;

        Splitter(Visitor visitor) {
            this.visitor = visitor;
        }

        void accept(byte[] chunk, int offset, int length) throws IOException {
            int start = offset;
            int end = offset + length;
            for (int i = LineSplitter.indexOf(chunk, offset, end); i >= 0; i = LineSplitter.indexOf(chunk, i + 1, end)) {
                if (carried == 0) {
                    visitor.line(chunk, start, i + 1, number++);
                } else {
                    append(chunk, start, i + 1);
                    visitor.line(carry, 0, carried, number++);
                    carried = 0;
                }
                start = i + 1;
            }
            if (start < end) {
                append(chunk, start, end);
            }
        }

        /** The last line, when it has no line end. */
        void end() throws IOException {
            if (carried > 0) {
                visitor.line(carry, 0, carried, number);
                carried = 0;
            }
        }

        private void append(byte[] chunk, int from, int to) throws TooLong {
            int length = carried + to - from;
            if (length > MAX_LINE_BYTES) {
                throw new TooLong(number);
            }
            if (length > carry.length) {
                carry = Arrays.copyOf(carry, Math.max(length, Math.min(MAX_LINE_BYTES, carry.length * 2)));
            }
            System.arraycopy(chunk, from, carry, carried, to - from);
            carried = length;
        }
    }

    /** Whether the line has anything but spaces, tabs and line ends. */
    public static boolean hasContent(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return true;
            }
        }
        return false;
    }
}
