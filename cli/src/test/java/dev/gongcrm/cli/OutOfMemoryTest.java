package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running out of memory is a resource failure: exit 2 and one line that says what to do, no stack trace. */
class OutOfMemoryTest {

    @TempDir
    Path folder;

    @Test
    void aHeapTooSmallForTheInputExitsTwoWithOneLine() throws Exception {
        // a 40 MB line needs a 64 MiB line buffer: more than a 32 MB heap has
        Path deals = folder.resolve("deals.ldjson");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(deals))) {
            out.write("{\"objectId\": \"d1\", \"notes\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 40; i++) {
                out.write(chunk);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        String err = validateInAChildJvm(deals, "-Xmx32m");
        assertTrue(err.endsWith("give it more, e.g. GONGCRM_JAVA_OPTS=-Xmx2g for the gongcrm launcher, or java -Xmx2g -jar gongcrm.jar"),
                err);
    }

    /**
     * Ids past the heap's share go to a temporary file; where none can be made, they stay on the heap, and a heap
     * they then fill is said to be that: the message names the folder and how to give another.
     */
    @Test
    void idsThatCouldNotGoToATemporaryFileAreNamedWhenTheHeapRunsOut() throws Exception {
        Path accounts = folder.resolve("accounts.ldjson");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(accounts))) {
            for (int i = 0; i < 600_000; i++) {
                out.write(("{\"objectId\":\"001" + String.format("%015d", i) + "\",\"modifiedDate\":\"2024-01-01T00:00:00Z\","
                        + "\"name\":\"a\",\"domains\":[\"a.com\"]}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path missing = folder.resolve("no such folder");
        String err = validateInAChildJvm(accounts, "-Xmx24m", "-Djava.io.tmpdir=" + missing);
        assertTrue(err.contains("; the ids could not go to a temporary file in " + missing + " ("), err);
        assertTrue(err.endsWith(", or a writable folder with room as java.io.tmpdir "
                + "(GONGCRM_JAVA_OPTS=-Djava.io.tmpdir=DIR)"), err);
    }

    /**
     * Runs {@code gongcrm validate FILE} in a JVM of its own with these options, checks that it ran out of
     * memory as it should (exit 2, one line on stderr, nothing on stdout) and returns that line.
     */
    private String validateInAChildJvm(Path file, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GongCrm.class.getName(), "validate",
                file.toString()));
        Process child = new ProcessBuilder(command).redirectOutput(folder.resolve("out.txt").toFile())
                .redirectError(folder.resolve("err.txt").toFile()).start();
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the run ended");
        List<String> err = Files.readAllLines(folder.resolve("err.txt"));
        assertEquals(2, child.exitValue(), String.join("\n", err));
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.get(0).startsWith("gongcrm: error: out of memory (the Java heap holds about "), err.get(0));
        assertEquals("", Files.readString(folder.resolve("out.txt")));
        return err.get(0);
    }
}
