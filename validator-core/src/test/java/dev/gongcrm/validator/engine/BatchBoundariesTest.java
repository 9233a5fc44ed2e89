package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What needs two lines (duplicates, modifiedDate order, references) is found whichever batches the
 * two lines land in: a batch ends at the last line end within {@value LineBatch#BYTES} bytes; and a line
 * read in two pieces (the reader's 1 MiB buffer ends inside it) is the same line.
 */
class BatchBoundariesTest {

    /** Lines padded to this length fill a batch exactly, with their line ends, so the boundaries are known. */
    private static final int LINE = 255;
    private static final int BATCH_LINES = LineBatch.BYTES / (LINE + 1);
    private static final String SCHEMA = "[{\"uniqueName\": \"parentAccount\", \"label\": \"Parent\", \"type\": \"REFERENCE\", "
            + "\"referenceTo\": \"ACCOUNT\"}]";

    /** Accounts numbered 1..count, sorted by modifiedDate, each padded to about {@code padding} bytes. */
    private static List<String> accounts(int count, int padding) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(account("a" + i, date(i), null, padding));
        }
        return lines;
    }

    private static String account(String id, String modified, String parent, int padding) {
        String line = account(id, modified, parent, "");
        return padding > line.length() ? account(id, modified, parent, "n".repeat(padding - line.length())) : line;
    }

    private static String account(String id, String modified, String parent, String namePadding) {
        return "{\"objectId\": \"" + id + "\", \"modifiedDate\": \"" + modified + "\", \"name\": \"Account " + id
                + namePadding + "\", \"domains\": [\"" + id + ".example.com\"]"
                + (parent == null ? "" : ", \"parentAccount\": \"" + parent + "\"") + "}";
    }

    /** Distinct instants in ascending order. */
    private static String date(int i) {
        return String.format("2024-01-%02dT%02d:%02d:%02dZ", 1 + i / 86_400, i / 3600 % 24, i / 60 % 60, i % 60);
    }

    private static ValidationResult validate(List<String> accountLines, boolean withSchema) throws IOException {
        return validate(String.join("\n", accountLines) + "\n", withSchema, false);
    }

    private static ValidationResult validate(String accounts, boolean withSchema, boolean trickle) throws IOException {
        byte[] bytes = accounts.getBytes(StandardCharsets.UTF_8);
        List<BundleFile> files = new ArrayList<>();
        if (withSchema) {
            files.add(BundleFile.of("account.schema.json", FileKind.SCHEMA, ObjectType.ACCOUNT,
                    SCHEMA.getBytes(StandardCharsets.UTF_8)));
        }
        files.add(new BundleFile("accounts.ldjson", FileKind.ENTITIES, ObjectType.ACCOUNT, bytes.length,
                () -> trickle ? new Trickle(bytes) : new ByteArrayInputStream(bytes)));
        return Validator.builder().build().validateFiles(files);
    }

    private static List<String> describe(ValidationResult result) {
        return result.findings().stream().map(BatchBoundariesTest::describe).toList();
    }

    private static String describe(Finding f) {
        return f.rule() + " " + f.line() + ":" + f.column() + " " + f.message();
    }

    @Test
    void theSameObjectInTwoBatchesIsADuplicate() throws IOException {
        List<String> lines = accounts(3 * BATCH_LINES, LINE);
        // adjacent across the first boundary, and far apart
        lines.set(BATCH_LINES, account("a" + BATCH_LINES, date(BATCH_LINES + 1), null, LINE));
        lines.set(2 * BATCH_LINES + 500, account("a3", date(2 * BATCH_LINES + 501), null, LINE));
        List<String> findings = describe(validate(lines, false));
        assertEquals(List.of(
                "duplicate-object " + (BATCH_LINES + 1) + ":2 objectId 'a" + BATCH_LINES + "' already appears on line "
                        + BATCH_LINES + "; an object cannot be contained more than once in a list: keep only its latest version",
                "duplicate-object " + (2 * BATCH_LINES + 501) + ":2 objectId 'a3' already appears on line 3; an object "
                        + "cannot be contained more than once in a list: keep only its latest version"), findings);
    }

    @Test
    void theSameObjectInTwoBatchesCutBySizeIsADuplicate() throws IOException {
        List<String> lines = accounts(400, 2000);
        // about 130 lines of 2 KB fill 256 KiB: lines 100 and 300 are two batches apart
        lines.set(299, account("a100", date(300), null, 2000));
        assertEquals(List.of("duplicate-object 300:2"), validate(lines, false).findings().stream()
                .map(f -> f.rule() + " " + f.line() + ":" + f.column()).toList());
    }

    @Test
    void anEarlierModifiedDateAcrossABoundaryIsUnsorted() throws IOException {
        List<String> lines = accounts(2 * BATCH_LINES + 10, LINE);
        lines.set(BATCH_LINES, account("a" + (BATCH_LINES + 1), date(BATCH_LINES - 1), null, LINE));
        List<String> findings = describe(validate(lines, false));
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("unsorted-modified-date " + (BATCH_LINES + 1) + ":" + (lines.get(BATCH_LINES).indexOf("\"modifiedDate\"") + 1)
                + " modifiedDate " + date(BATCH_LINES - 1) + " is earlier than " + date(BATCH_LINES) + " on line "
                + BATCH_LINES + "; the list must be sorted by modifiedDate ascending: sort the lines by modifiedDate",
                findings.get(0));
    }

    @Test
    void referencesToObjectsInOtherBatchesBothWays() throws IOException {
        List<String> lines = accounts(3 * BATCH_LINES, LINE);
        // forward (target two batches later), backward (target in the first batch), and one that resolves nowhere
        lines.set(0, account("a1", date(1), "a" + (2 * BATCH_LINES + 7), LINE));
        lines.set(2 * BATCH_LINES + 6, account("a" + (2 * BATCH_LINES + 7), date(2 * BATCH_LINES + 7), "a1", LINE));
        lines.set(BATCH_LINES + 3, account("a" + (BATCH_LINES + 4), date(BATCH_LINES + 4), "a" + (BATCH_LINES + 3), LINE));
        lines.set(BATCH_LINES - 1, account("a" + BATCH_LINES, date(BATCH_LINES), "nowhere", LINE));
        List<Finding> findings = validate(lines, true).findings();
        assertEquals(List.of("unresolved-reference " + BATCH_LINES), findings.stream()
                .map(f -> f.rule() + " " + f.line()).toList());
        assertEquals(lines.get(BATCH_LINES - 1).indexOf("\"parentAccount\"") + 1, findings.get(0).column());
    }

    /**
     * Accounts up to just before the reader's first buffer edge (1 MiB into the file), then {@code target}
     * placed so that the edge falls {@code cut} bytes into it, then {@code after}.
     */
    private static String straddling(String target, int cut, String after) {
        int mib = 1 << 20;
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (text.length() < mib - 3000) {
            i++;
            text.append(account("a" + i, date(i), null, LINE)).append('\n');
        }
        int fillerStart = utf8Length(text);
        String filler = account("f", date(++i), null, 0);
        int need = mib - cut - fillerStart - 1;
        text.append(account("f", date(i), null, "n".repeat(need - utf8Length(filler)))).append('\n');
        assertEquals(mib - cut, utf8Length(text), "the target line starts " + cut + " bytes before the edge");
        return text + target + after;
    }

    private static void assertSameReadWholeAndInPieces(String accounts, List<String> expected) throws IOException {
        List<String> whole = describe(validate(accounts, false, false));
        assertEquals(expected, whole);
        assertEquals(whole, describe(validate(accounts, false, true)));
    }

    @Test
    void aLineCutByTheBufferEdgeInsideATwoByteCharacter() throws IOException {
        String target = account("z1", "2025-01-01T00:00:00Z", null, "").replace("Account", "Zoë " + "é".repeat(100));
        int firstE = target.getBytes(StandardCharsets.UTF_8).length - (target.length() - target.indexOf('ë'));
        String accounts = straddling(target, firstE + 1, "\n" + account("z2", "2025-01-01T00:00:01Z", null, LINE) + "\n");
        byte[] bytes = accounts.getBytes(StandardCharsets.UTF_8);
        assertEquals((byte) 0xC3, bytes[(1 << 20) - 1], "the edge splits 'ë'");
        assertSameReadWholeAndInPieces(accounts, List.of());
    }

    @Test
    void aLineCutByTheBufferEdgeBetweenItsCarriageReturnAndNewline() throws IOException {
        String target = account("z1", "2025-01-01T00:00:00Z", null, "");
        String accounts = straddling(target + "\r", target.length() + 1, "\n"
                + account("z1", "2025-01-01T00:00:01Z", null, LINE) + "\r\n");
        assertEquals('\r', accounts.getBytes(StandardCharsets.UTF_8)[(1 << 20) - 1]);
        int line = (int) accounts.chars().filter(c -> c == '\n').count();
        assertSameReadWholeAndInPieces(accounts, List.of("duplicate-object " + line + ":2 objectId 'z1' already appears on line "
                + (line - 1) + "; an object cannot be contained more than once in a list: keep only its latest version"));
    }

    @Test
    void aBrokenLineCutByTheBufferEdgeBeforeItsError() throws IOException {
        String broken = "{\"objectId\": \"b1\", \"modifiedDate\": \"2025-01-01T00:00:00Z\", \"name\": \"Zoë\", "
                + "\"domains\": [\"x.com\"],}";
        String accounts = straddling(broken, 30, "\n" + account("z2", "2025-01-01T00:00:01Z", null, LINE) + "\n");
        int line = (int) accounts.chars().filter(c -> c == '\n').count() - 1;
        assertSameReadWholeAndInPieces(accounts, List.of("invalid-json " + line + ":" + broken.length()
                + " trailing comma before '}'; remove the comma"));
    }

    @Test
    void aLineLongerThanABatchAndTheReaderBufferSitsBetweenTwoBatches() throws IOException {
        List<String> lines = accounts(BATCH_LINES + 20, LINE);
        lines.set(10, account("a11", date(11), null, 3 << 20));
        lines.set(BATCH_LINES + 10, account("a11", date(BATCH_LINES + 11), null, LINE));
        assertEquals(List.of("duplicate-object " + (BATCH_LINES + 11) + ":2"), validate(lines, false).findings()
                .stream().map(f -> f.rule() + " " + f.line() + ":" + f.column()).toList());
    }

    private static int utf8Length(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** A stream that hands out a few bytes per read, as a slow pipe does. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final Random random = new Random(8);
        private int at;

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (at == bytes.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, 1 + random.nextInt(4096)), bytes.length - at);
            System.arraycopy(bytes, at, into, offset, count);
            at += count;
            return count;
        }
    }
}
