package dev.gongcrm.validator.convert;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The records of a CSV export with a header row, read by Commons CSV one at a time (RFC 4180 quoting,
 * quoted line breaks, CRLF or LF), after a UTF-8 byte-order mark, which Excel writes, is skipped. Each
 * record knows the line it starts on and where each of its cells starts, so a cell that cannot be
 * converted is reported at its line and column.
 */
final class CsvSource implements Closeable {

    private static final int HEADER_LOOKAHEAD = 1 << 20;
    /** How Commons CSV says that the file ended inside quotes. */
    private static final String UNCLOSED_QUOTE = "EOF reached before encapsulated token finished";

    /** A record with where it starts; {@code number} counts data records from 1 (the header is not one). */
    record Row(CSVRecord record, long number, int line) {
    }

    private final String name;
    private final char delimiter;
    private final RecordingReader text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long number;

    /**
     * @param delimiter the field delimiter, or 0 to tell it from the header row
     */
    CsvSource(Path file, String name, char delimiter) throws IOException {
        this.name = name;
        if (!Files.isRegularFile(file)) {
            throw new ConversionException(name + ": " + (Files.exists(file) ? "is not a regular file" : "does not exist"));
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        try {
            skipByteOrderMark(reader);
            this.delimiter = delimiter != 0 ? delimiter : CsvDelimiter.detect(headerRow(reader));
            this.text = new RecordingReader(reader);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(this.delimiter)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    // empty lines are skipped below, where their line numbers are still counted
                    .setIgnoreEmptyLines(false)
                    .setAllowMissingColumnNames(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                    .get();
            this.parser = CSVParser.builder().setReader(text).setFormat(format).get();
            this.records = parser.iterator();
        } catch (CharacterCodingException e) {
            reader.close();
            throw notUtf8();
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            reader.close();
            throw new ConversionException(name + ":1: cannot read the header row: " + e.getMessage());
        }
        if (parser.getHeaderNames().isEmpty()) {
            close();
            throw new ConversionException(name + ": the file is empty; a CSV export starts with a header row");
        }
        Set<String> names = new HashSet<>();
        for (String column : parser.getHeaderNames()) {
            if (!column.isBlank() && !names.add(column)) {
                close();
                throw new ConversionException(name + ":1: column '" + column + "' appears twice in the header; "
                        + "rename one, a column names one field");
            }
        }
    }

    List<String> header() {
        return parser.getHeaderNames();
    }

    /** The next record that is not an empty line, or null at the end. */
    Row next() throws IOException {
        long linesBefore = 0;
        try {
            while (true) {
                linesBefore = parser.getCurrentLineNumber();
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                text.discardBefore(record.getCharacterPosition());
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                number++;
                return new Row(record, number, (int) linesBefore + 1);
            }
        } catch (UncheckedIOException | IllegalStateException | NoSuchElementException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw notUtf8();
            }
            String reason = String.valueOf(cause.getMessage()).contains(UNCLOSED_QUOTE)
                    ? "a quoted cell is never closed, the file ends inside it; check the quotes from here on "
                            + "(a quote inside a quoted cell is written twice: \"\")"
                    : String.valueOf(cause.getMessage()).replaceFirst("^\\(startline \\d+\\) ", "");
            throw new ConversionException(name + ":" + (linesBefore + 1) + ": cannot read record " + (number + 1)
                    + ": " + reason);
        }
    }

    /** The 1-based line and column where cell {@code index} of the row starts, or its row's start when unknown. */
    int[] cellPosition(Row row, int index) {
        CharSequence recordText = text.from(row.record().getCharacterPosition());
        int line = row.line();
        int column = 1;
        int cell = 0;
        boolean quoted = false;
        for (int i = 0; i < recordText.length() && cell < index; i++) {
            char c = recordText.charAt(i);
            column++;
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else if (c == '\n' || (c == '\r' && (i + 1 == recordText.length() || recordText.charAt(i + 1) != '\n'))) {
                    line++;
                    column = 1;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                cell++;
            } else if (c == '\r' || c == '\n') {
                break;
            }
        }
        // an escaped quote ("") leaves and re-enters the quoted state above, which comes to the same
        return cell == index ? new int[] {line, column} : new int[] {row.line(), 1};
    }

    private ConversionException notUtf8() {
        return new ConversionException(name + ": not UTF-8 text; export it as UTF-8 (in Excel: Save As, "
                + "\"CSV UTF-8\")");
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** The header row, up to the first line break outside quotes; the reader is reset to its start. */
    private static String headerRow(BufferedReader reader) throws IOException {
        reader.mark(HEADER_LOOKAHEAD);
        StringBuilder header = new StringBuilder();
        boolean quoted = false;
        for (int c = reader.read(); c >= 0 && header.length() < HEADER_LOOKAHEAD - 1; c = reader.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
            header.append((char) c);
        }
        reader.reset();
        return header.toString();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * Keeps the text read since the current record's start, so that cell positions can be found after
     * Commons CSV has parsed the record; what lies before the record is dropped, so memory stays at about
     * one record plus the parser's read-ahead.
     */
    private static final class RecordingReader extends FilterReader {

        private final StringBuilder window = new StringBuilder();
        private long windowStart;

        RecordingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                window.append((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                window.append(buffer, offset, n);
            }
            return n;
        }

        void discardBefore(long position) {
            int drop = (int) Math.min(window.length(), Math.max(0, position - windowStart));
            window.delete(0, drop);
            windowStart += drop;
        }

        CharSequence from(long position) {
            int start = (int) Math.max(0, position - windowStart);
            return window.subSequence(Math.min(start, window.length()), window.length());
        }
    }
}
