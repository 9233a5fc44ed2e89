package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.rules.RuleConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A million objects in a heap that their ids as strings would not fit in: the id index finds exactly
 * the one duplicate and the one dangling reference planted among them, and names the earlier line.
 */
class MillionObjectsMemoryTest {

    private static final int ACCOUNTS = 500_000;
    private static final int DEALS = 500_000;
    private static final int DUPLICATED = 123_457;
    private static final int DUPLICATE_AT = 400_001;
    private static final int DANGLING_AT = 300_001;

    /** Below what 1M ids took before the index kept them as bytes off a slot (about 74 bytes an object). */
    private static final String HEAP = "-Xmx40m";

    @TempDir
    Path folder;

    /** The validation, run in its own small JVM, of the index's two rules; prints one line per finding. */
    public static void main(String[] args) throws Exception {
        ValidationResult result = Validator.builder()
                .rules(new RuleConfig(Set.of("duplicate-object", "unresolved-reference"), Set.of(), Map.of()))
                .build().validate(List.of(Path.of(args[0])));
        for (Finding f : result.findings()) {
            System.out.println(f.rule() + " " + Path.of(f.file()).getFileName() + ":" + f.line() + " " + f.message());
        }
        System.out.println("objects " + result.objects() + ", index on the heap " + result.index().heapBytes());
    }

    /** 18-character ids, as Salesforce's. */
    private static String id(String prefix, int n) {
        return prefix + String.format("%015d", n);
    }

    private static void write(Path file, int count, java.util.function.IntFunction<String> line) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= count; i++) {
                out.write(line.apply(i));
                out.write('\n');
            }
        }
    }

    @Test
    void aDuplicateAndADanglingReferenceAmongAMillionObjectsInASmallHeap() throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("bundle"));
        write(bundle.resolve("accounts.ldjson"), ACCOUNTS, i -> "{\"objectId\":\"" + id("001", i)
                + "\",\"modifiedDate\":\"2024-01-01T00:00:00Z\",\"name\":\"a\"}");
        write(bundle.resolve("deals.ldjson"), DEALS, i -> "{\"objectId\":\""
                + id("006", i == DUPLICATE_AT ? DUPLICATED : i) + "\",\"modifiedDate\":\"2024-01-01T00:00:00Z\","
                + "\"accountId\":\"" + (i == DANGLING_AT ? id("001", ACCOUNTS + 1) : id("001", (int) (1 + (long) i * 7919 % ACCOUNTS)))
                + "\"}");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = folder.resolve("child.log");
        Process child = new ProcessBuilder(java, HEAP, "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + folder, "-cp",
                System.getProperty("java.class.path"), MillionObjectsMemoryTest.class.getName(), bundle.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the validation finished");
        String output = Files.readString(log);
        assertEquals(0, child.exitValue(), output.length() > 3000 ? output.substring(0, 3000) : output);
        List<String> lines = output.lines().toList();
        assertEquals(3, lines.size(), output);
        assertEquals("unresolved-reference deals.ldjson:" + DANGLING_AT + " field 'accountId' names account '"
                + id("001", ACCOUNTS + 1) + "', but no account in this bundle has objectId '" + id("001", ACCOUNTS + 1)
                + "'; add it to the account file or fix the id", lines.get(0), output);
        assertTrue(lines.get(1).startsWith("duplicate-object deals.ldjson:" + DUPLICATE_AT + " objectId '"
                + id("006", DUPLICATED) + "' already appears on line " + DUPLICATED + ";"), output);
        assertTrue(lines.get(2).startsWith("objects " + (ACCOUNTS + DEALS) + ","), output);
        try (var left = Files.list(folder)) {
            assertEquals(List.of("bundle", "child.log"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left");
        }
    }
}
