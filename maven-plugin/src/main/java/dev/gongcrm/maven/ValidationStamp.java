package dev.gongcrm.maven;

import dev.gongcrm.validator.Version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The record of a passing validation, so that a build whose bundle, settings and gongcrm are as they were
 * skips the goal (as openapi-generator's {@code skipIfSpecIsUnchanged} does): a SHA-256 over gongcrm's
 * version, the settings and each file's path, size and modification time. A file rewritten with the same
 * size within the file system's time granularity is not noticed; {@code -Dgongcrm.force} validates anyway.
 */
final class ValidationStamp {

    private final Path file;
    private final String digest;
    private final List<Path> reports;

    /**
     * @param file where the stamp is kept
     * @param settings everything besides the files that decides the outcome and the reports
     * @param files the bundle's files
     * @param reports the report files the run writes: a stamp whose reports are gone does not hold
     */
    ValidationStamp(Path file, String settings, List<Path> files, List<Path> reports) throws IOException {
        this.file = file;
        this.reports = List.copyOf(reports);
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        StringBuilder text = new StringBuilder("gongcrm ").append(Version.get()).append('\n').append(settings);
        for (Path bundleFile : files) {
            text.append('\n').append(bundleFile.toAbsolutePath().normalize()).append('\t').append(Files.size(bundleFile))
                    .append('\t').append(Files.getLastModifiedTime(bundleFile).toMillis());
        }
        for (Path report : this.reports) {
            text.append("\nreport ").append(report.toAbsolutePath().normalize());
        }
        digest = HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the last passing run had these very inputs and its reports are still there. */
    boolean holds() {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(digest)
                    && reports.stream().allMatch(Files::isRegularFile);
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return false; // validated again, which rewrites it
        }
    }

    /** Records a passing run, whole or not at all. */
    void record() throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, digest + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Forgets the last passing run: a failing run must not leave an older pass standing. */
    void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    Path file() {
        return file;
    }
}
