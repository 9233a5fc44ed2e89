package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 200 MB file of any shape validates in a JVM limited to 256 MB of heap: long values are not
 * copied out of their line, a long line is not copied into a batch, long messages are shortened.
 */
class LongLineMemoryTest {

    private static final int MB = 1_000_000;

    @TempDir
    Path folder;

    /** The validation, run in its own small JVM: {@code file}; prints one line per finding. */
    public static void main(String[] args) throws Exception {
        ValidationResult result = Validator.builder().build().validate(List.of(Path.of(args[0])));
        for (Finding f : result.findings()) {
            System.out.println(f.rule() + " " + f.line() + ":" + f.column() + " " + f.message().length());
        }
        System.out.println("objects " + result.objects());
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void repeat(OutputStream out, char c, int count) throws IOException {
        byte[] chunk = new byte[MB];
        java.util.Arrays.fill(chunk, (byte) c);
        for (int left = count; left > 0; left -= chunk.length) {
            out.write(chunk, 0, Math.min(left, chunk.length));
        }
    }

    private static String deal(int i) {
        return "{\"objectId\": \"d" + i + "\", \"modifiedDate\": \"2024-01-01T00:00:" + String.format("%02d", i % 60)
                + "Z\", \"accountId\": \"a1\", \"ownerId\": \"u1\", \"name\": \"n\", \"createdDate\": \"2024-01-01T00:00:00Z\", "
                + "\"closeDate\": \"2024-02-01\", \"isOpen\": true, \"isWon\": false, \"stage\": \"s1\", \"amount\": 1";
    }

    @Test
    void twoHundredMegabytesOfLongLinesInA256MegabyteHeap() throws Exception {
        Path deals = folder.resolve("deals.ldjson");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(deals), 1 << 16)) {
            // 1: a 60 MB value of a field no rule reads
            write(out, deal(1) + ", \"notes\": \"");
            repeat(out, 'x', 60 * MB);
            write(out, "\"}\n");
            // 2: a 60 MB modifiedDate, which the rules read and quote
            String[] around = deal(2).split("T00:00:02Z");
            write(out, around[0]);
            repeat(out, '7', 60 * MB);
            write(out, around[1] + "}\n");
            // 3: a 40 MB name
            String[] name = deal(3).split("\"name\": \"n\"");
            write(out, name[0] + "\"name\": \"");
            repeat(out, 'n', 40 * MB);
            write(out, "\"" + name[1] + "}\n");
            // 5..: lines just under a megabyte, each with its long value in another position
            for (int i = 4; i < 43; i++) {
                write(out, deal(i));
                for (int k = 0; k < i; k++) {
                    write(out, ", \"f" + k + "\": " + k);
                }
                write(out, ", \"long" + i + "\": \"");
                repeat(out, 'y', 950_000);
                write(out, "\"}\n");
            }
        }
        long size = Files.size(deals);
        assertTrue(size > 195 * MB && size <= 200 * MB, "the file is just under 200 MB: " + size);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = folder.resolve("child.log");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), LongLineMemoryTest.class.getName(), deals.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the validation finished");
        String output = Files.readString(log);
        assertEquals(0, child.exitValue(), output.length() > 3000 ? output.substring(0, 3000) : output);
        assertTrue(output.contains("objects 42"), output);
        List<String> lines = output.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("unknown-field 1:")), output);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("datetime-format 2:")), output);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("unknown-field 42:")), output);
        for (String line : lines) {
            if (!line.startsWith("objects")) {
                int messageLength = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
                assertTrue(messageLength < 5000, "a message quotes no long value whole: " + line);
            }
        }
    }
}
