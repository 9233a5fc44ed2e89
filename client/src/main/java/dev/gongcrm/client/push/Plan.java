package dev.gongcrm.client.push;

import dev.gongcrm.validator.ObjectType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a push will send, in order ({@link Planner}), with its counts per type; it owns the files it
 * wrote of changed objects and deletions, which go when it is closed.
 */
public final class Plan implements AutoCloseable {

    final List<PlanStep> steps = new ArrayList<>();
    final Map<ObjectType, TypeCounts> counts = new java.util.LinkedHashMap<>();
    /** The user's files sent whole: each of their objects is sent, changed or not. */
    final Set<Path> sentWhole = new HashSet<>();
    private final List<Path> scratch = new ArrayList<>();

    public List<PlanStep> steps() {
        return steps;
    }

    /** Per type of the bundle's entity files, in upload order. */
    public Map<ObjectType, TypeCounts> counts() {
        return counts;
    }

    /** A new file for the changed objects or deletions of this type, deleted with the plan. */
    Path scratchFile(ObjectType type) throws IOException {
        Path file = Files.createTempFile("gongcrm-" + type.name().toLowerCase() + "-", ".ldjson");
        // CRM data: gone at exit even when the push is stopped (Ctrl-C, a kill that lets the JVM end)
        file.toFile().deleteOnExit();
        scratch.add(file);
        return file;
    }

    @Override
    public void close() {
        UncheckedIOException failed = null;
        for (Path file : scratch) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                failed = new UncheckedIOException("cannot delete " + file + ": " + Ledger.describe(e), e);
            }
        }
        scratch.clear();
        if (failed != null) {
            throw failed;
        }
    }
}
