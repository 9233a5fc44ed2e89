package dev.gongcrm.validator.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts an LDJSON stream into lines, on the bytes only: the thread reading a file looks for the last
 * line end of each chunk it reads and hands over runs of whole lines, which the workers split into
 * lines ({@link #forEachLine}) and parse ({@link LdjsonReader#parseLine}). Reports what is wrong
 * with the bytes before any line is parsed: an empty or binary file, a byte order mark, UTF-16 and
 * lines over the length limit.
 */
public final class LineSplitter {

    private static final int CHUNK = 1 << 20;
    /** Eight bytes as one number, so that a line end is looked for eight bytes at a time. */
    private static final java.lang.invoke.VarHandle LITTLE_ENDIAN_LONG = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final int BINARY_SNIFF_BYTES = TextEncoding.SNIFF_BYTES;

    private final int maxLineBytes;

    public LineSplitter() {
        this(LdjsonReader.MAX_LINE_BYTES);
    }

    LineSplitter(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** Receives the lines of a stream; the bytes are valid only during the call. */
    public interface LineSink {
        void line(byte[] buf, int start, int length, int line);
    }

    /** Receives what is wrong with the bytes of a stream before any line is parsed. */
    public interface ProblemSink {
        void problem(LineProblem problem, int line, int column, String message);
    }

    /** Receives a stream as runs of whole lines, in order; the bytes are valid only during the call. */
    public interface BlockSink {
        /**
         * Whole lines, {@code buf[from, to)}: each ends with {@code '\n'}, but for the last line of a
         * stream that has no line end. Split them with {@link #forEachLine}.
         */
        void lines(byte[] buf, int from, int to);

        /** The line after all lines handed over so far is longer than the limit and is skipped. */
        void lineTooLong(String message);
    }

    /**
     * Calls the sink for each line of {@code buf[from, to)} (whole lines, as a {@link BlockSink}
     * receives them), without its line end, numbering them from {@code firstLine}; returns the
     * number of the line after them.
     */
    public static int forEachLine(byte[] buf, int from, int to, int firstLine, LineSink lines) {
        int line = firstLine;
        int start = from;
        while (start < to) {
            int newline = indexOf(buf, start, to);
            int lineEnd = newline < 0 ? to : newline;
            int length = lineEnd - start;
            if (length > 0 && buf[lineEnd - 1] == '\r') {
                length--;
            }
            lines.line(buf, start, length, line++);
            start = lineEnd + 1;
        }
        return line;
    }

    /**
     * Splits the stream into runs of whole lines, looking only for the last line end of each chunk
     * read (whoever receives a run splits it into lines, in parallel if it likes), and reports an
     * empty or binary file, a byte order mark, UTF-16 and lines over the length limit.
     */
    public void split(InputStream in, BlockSink blocks, ProblemSink problems) throws IOException {
        byte[] buf = new byte[CHUNK];
        int end = fill(in, buf, 0, BINARY_SNIFF_BYTES);
        boolean eof = end < BINARY_SNIFF_BYTES;
        if (end == 0) {
            problems.problem(LineProblem.EMPTY_FILE, 0, 0, "file is empty; an upload needs at least one object");
            return;
        }
        String encodingProblem = TextEncoding.problem(buf, end);
        if (encodingProblem != null) {
            problems.problem(LineProblem.INVALID_ENCODING, 1, 1, encodingProblem);
            return;
        }
        int start = 0;
        if (TextEncoding.hasUtf8Bom(buf, end)) {
            problems.problem(LineProblem.INVALID_ENCODING, 1, 1, TextEncoding.UTF8_BOM_MESSAGE);
            start = TextEncoding.UTF8_BOM_LENGTH;
        }
        boolean skippingLongLine = false;
        // buf[start, unsearched) holds no line end: a long line is searched once, not once per read
        int unsearched = start;
        while (true) {
            if (skippingLongLine) {
                int newline = indexOf(buf, unsearched, end);
                if (newline >= 0) {
                    skippingLongLine = false;
                    start = newline + 1;
                    unsearched = start;
                }
            }
            if (!skippingLongLine) {
                int lastNewline = lastIndexOf(buf, unsearched, end);
                if (lastNewline >= 0) {
                    blocks.lines(buf, start, lastNewline + 1);
                    start = lastNewline + 1;
                }
            }
            unsearched = end;
            if (eof) {
                if (end > start && !skippingLongLine) {
                    blocks.lines(buf, start, end);
                }
                return;
            }
            if (start == end || skippingLongLine) {
                start = 0;
                end = 0;
                unsearched = 0;
            } else if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                unsearched = end;
                start = 0;
            } else if (end == buf.length) {
                if (buf.length >= maxLineBytes) {
                    blocks.lineTooLong("line is longer than " + (maxLineBytes >> 20)
                            + " MiB; a CRM object this large is not plausible");
                    skippingLongLine = true;
                    end = 0;
                    unsearched = 0;
                } else {
                    buf = Arrays.copyOf(buf, Math.min(maxLineBytes, buf.length * 2));
                }
            }
            int read = in.read(buf, end, buf.length - end);
            if (read < 0) {
                eof = true;
            } else {
                end += read;
            }
        }
    }

    private static int fill(InputStream in, byte[] buf, int from, int wanted) throws IOException {
        int end = from;
        while (end < wanted) {
            int read = in.read(buf, end, wanted - end);
            if (read < 0) {
                break;
            }
            end += read;
        }
        return end;
    }

    /** The last line end in {@code buf[from, to)}, or -1. */
    public static int lastIndexOf(byte[] buf, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The first line end in {@code buf[from, to)}, or -1. */
    public static int indexOf(byte[] buf, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            // a byte of the word XOR the line ends is zero where a line end is; the lowest flagged byte is the first
            long word = (long) LITTLE_ENDIAN_LONG.get(buf, i) ^ NEWLINES;
            long zeros = (word - LOW_BITS) & ~word & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
