package dev.gongcrm.client.push;

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

    /** Thrown for a line over {@link #MAX_LINE_BYTES}: its number, and how many bytes it had when reading stopped. */
    static final class TooLong extends IOException {
        final int line;

        TooLong(int line) {
            super("line " + line + " is over " + MAX_LINE_BYTES / (1024 * 1024) + " MB");
            this.line = line;
        }
    }

    private Lines() {
    }

    public static void read(InputStream in, Visitor visitor) throws IOException {
        byte[] buffer = new byte[1 << 16];
        byte[] carry = new byte[0];
        int carried = 0;
        int number = 1;
        int read;
        while ((read = in.read(buffer)) > 0) {
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (buffer[i] != '\n') {
                    continue;
                }
                if (carried == 0) {
                    visitor.line(buffer, start, i + 1, number++);
                } else {
                    carry = append(carry, carried, buffer, start, i + 1, number);
                    visitor.line(carry, 0, carried + i + 1 - start, number++);
                    carried = 0;
                }
                start = i + 1;
            }
            if (start < read) {
                carry = append(carry, carried, buffer, start, read, number);
                carried += read - start;
            }
        }
        if (carried > 0) {
            visitor.line(carry, 0, carried, number);
        }
    }

    private static byte[] append(byte[] carry, int carried, byte[] buffer, int from, int to, int number)
            throws TooLong {
        int length = carried + to - from;
        if (length > MAX_LINE_BYTES) {
            throw new TooLong(number);
        }
        if (length > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(length, Math.min(MAX_LINE_BYTES, carry.length * 2)));
        }
        System.arraycopy(buffer, from, carry, carried, to - from);
        return carry;
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
