package dev.gongcrm.client.push;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example bundle the push tests send, and copies of it: each runner of a test has its own checkout. */
public final class TestBundles {

    /** The documentation's examples made consistent: 8 uploads (2 schemas, 6 entity files). */
    public static final Path VALID = Path.of("..", "examples", "valid-bundle");

    private TestBundles() {
    }

    /** The files of {@code source} (all of them, or those named) in {@code folder}, created when missing. */
    public static Path copy(Path source, Path folder, String... names) throws IOException {
        Files.createDirectories(folder);
        List<Path> files;
        if (names.length > 0) {
            files = Stream.of(names).map(source::resolve).toList();
        } else {
            try (Stream<Path> all = Files.list(source)) {
                files = all.filter(Files::isRegularFile).toList();
            }
        }
        for (Path file : files) {
            Files.copy(file, folder.resolve(file.getFileName()));
        }
        return folder;
    }
}
