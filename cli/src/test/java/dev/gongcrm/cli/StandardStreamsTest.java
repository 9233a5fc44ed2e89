package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The process's own standard streams, as a pipeline in a container sees them: no LANG (an ASCII locale), so
 * nothing may depend on the platform's default charset.
 */
class StandardStreamsTest {

    @TempDir
    Path folder;

    private Process run(Path stdin, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[args.length + 4];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = GongCrm.class.getName();
        System.arraycopy(args, 0, command, 4, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(stdin.toFile())
                .redirectOutput(folder.resolve("out").toFile()).redirectError(folder.resolve("err").toFile());
        builder.environment().remove("LANG");
        builder.environment().remove("LC_ALL");
        builder.environment().remove("LC_CTYPE");
        Process child = builder.start();
        assertTrue(child.waitFor(1, TimeUnit.MINUTES), "the run ended");
        return child;
    }

    @Test
    void fixPassesTheBytesOfStandardInputThroughUnchangedWhateverTheLocale() throws Exception {
        byte[] account = ("{\"objectId\": \"a1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", \"name\": \"Café 日本\", "
                + "\"domains\": [\"a.com\"]}\n").getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = "{\"objectId\": \"a2\", \"modifiedDate\": \"2024-01-02T00:00:00Z\", \"name\": \"Caf\u00e9\", \"domains\": [\"b.com\"]}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] input = new byte[account.length + notUtf8.length];
        System.arraycopy(account, 0, input, 0, account.length);
        System.arraycopy(notUtf8, 0, input, account.length, notUtf8.length);
        Path stdin = Files.write(folder.resolve("in"), input);

        Process child = run(stdin, "fix", "-", "--type", "ACCOUNT");
        String err = Files.readString(folder.resolve("err"), StandardCharsets.UTF_8);
        assertEquals(1, child.exitValue(), err);
        assertArrayEquals(input, Files.readAllBytes(folder.resolve("out")), "nothing to fix: the bytes as they came");
        assertTrue(err.startsWith("<stdin>:2:"), err);
        assertTrue(err.contains("error[invalid-encoding]"), err);
    }

    @Test
    void reportsQuoteUtf8DataAsUtf8WhateverTheLocale() throws Exception {
        Path stdin = Files.writeString(folder.resolve("in"), "{\"objectId\": \"a1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", "
                + "\"name\": \"Café\", \"domains\": [\"a.com\"], \"url\": \"crm.example/Café\"}\n", StandardCharsets.UTF_8);
        Process child = run(stdin, "validate", "-", "--type", "ACCOUNT");
        assertEquals(0, child.exitValue());
        assertTrue(Files.readString(folder.resolve("out"), StandardCharsets.UTF_8).contains("'crm.example/Café'"));
    }
}
