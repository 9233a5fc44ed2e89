package dev.gongcrm.validator.bundle;

import dev.gongcrm.validator.ObjectType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file of a bundle: where its bytes come from, what it holds and its object type.
 *
 * @param name the name shown in findings (the path as the user gave it, or any label for a stream)
 * @param type the object type, or null when it could not be told
 * @param size the size in bytes, or -1 when unknown
 */
public record BundleFile(String name, FileKind kind, ObjectType type, long size, Opener opener) {

    /** Opens the file's bytes; called once per run. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public static BundleFile of(Path path, String name, FileKind kind, ObjectType type) throws IOException {
        return new BundleFile(name, kind, type, Files.size(path), () -> Files.newInputStream(path));
    }

    /** A file held in memory, e.g. an upload received by a server or a test's example. */
    public static BundleFile of(String name, FileKind kind, ObjectType type, byte[] content) {
        return new BundleFile(name, kind, type, content.length, () -> new ByteArrayInputStream(content));
    }

    /** A stream read once (its size unknown). */
    public static BundleFile ofStream(String name, FileKind kind, ObjectType type, InputStream stream) {
        return new BundleFile(name, kind, type, -1, () -> stream);
    }
}
