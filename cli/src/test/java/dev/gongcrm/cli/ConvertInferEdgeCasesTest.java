package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.gongcrm.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** convert csv and schema infer from the command line, at the edges a hostile review tried. */
class ConvertInferEdgeCasesTest {

    @TempDir
    Path folder;

    /** --write-mapping naming the file --format writes a report to is refused: the report would overwrite the mapping. */
    @Test
    void writeMappingOverAReportFileIsRefusedNotSilentlyLost() throws Exception {
        Path csv = Files.writeString(folder.resolve("deals.csv"), "ID,Value\nd-1,5\n");
        Path same = folder.resolve("out.json");
        Run run = run("convert", "csv", csv, "--type", "DEAL", "--out", folder.resolve("deals.ldjson"),
                "--write-mapping", same, "--format", "json=" + same);
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("--write-mapping"), run.err());
    }

    /**
     * schema infer keeps a bounded amount per field, whatever the number of values: scaled down from a 200 MB
     * bundle of 170 short string fields in -Xmx256m, a 25 MB one in -Xmx32m.
     */
    @Test
    void schemaInferOnABundleOfManyShortStringFieldsStreams() throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("bundle"));
        StringBuilder tail = new StringBuilder();
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int k = 0; k < 170; k++) {
            tail.append(",\"").append(letters.charAt(k / 52)).append(letters.charAt(k % 52)).append("\":\"v\"");
        }
        try (BufferedWriter out = Files.newBufferedWriter(bundle.resolve("deals.ldjson"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < 16_400; i++) {
                out.write("{\"objectId\":\"d" + i + "\"" + tail + "}\n");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                GongCrm.class.getName(), "schema", "infer", bundle.toString())
                .redirectOutput(folder.resolve("out.txt").toFile()).redirectError(folder.resolve("err.txt").toFile()).start();
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the run ended");
        List<String> err = Files.readAllLines(folder.resolve("err.txt"));
        assertEquals(0, child.exitValue(), String.join("\n", err));
    }

    @Test
    void schemaInferOfADataFileCountsTheSchemaFileBesideItWhichWriteWouldMergeInto() throws Exception {
        Path deals = Files.writeString(folder.resolve("deals.ldjson"), "{\"objectId\":\"d1\",\"seats\":4}\n");
        Files.writeString(folder.resolve("deal.schema.json"), "[{\"uniqueName\": \"seats\", \"label\": \"Seats\", "
                + "\"type\": \"STRING\"}]\n");
        Run run = run("schema", "infer", deals, "--write", "--force");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Every field of the objects is Gong's or defined by the type's schema file."),
                run.out());
        assertTrue(Files.readString(folder.resolve("deal.schema.json")).contains("\"type\": \"STRING\""),
                "the user's own entry is not replaced");
    }
}
