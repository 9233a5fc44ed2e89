package dev.gongcrm.validator.bundle;

import dev.gongcrm.validator.ObjectType;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the paths a user names into the files of one bundle. A folder contributes its entity and
 * schema files (not its subfolders, sorted by name); a file named explicitly is taken whatever its
 * extension. Each file's type comes from an override, else from its name.
 */
public final class BundleScanner {

    /** Override key that applies to every file. */
    public static final String ALL_FILES = "*";

    private final Map<String, ObjectType> typeOverrides;

    /**
     * @param typeOverrides object type per file name (or path as given); {@link #ALL_FILES} for all files
     */
    public BundleScanner(Map<String, ObjectType> typeOverrides) {
        this.typeOverrides = Map.copyOf(typeOverrides);
    }

    public List<BundleFile> scan(List<Path> paths) throws BundleException {
        if (paths.isEmpty()) {
            throw new BundleException("no path given: name bundle folders or LDJSON files");
        }
        List<BundleFile> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<BundleFile> found = scanFolder(path);
                if (found.isEmpty()) {
                    throw new BundleException("'" + path + "' holds no .ldjson, .jsonl, .ndjson or .schema.json file");
                }
                files.addAll(found);
            } else if (Files.isRegularFile(path)) {
                FileKind kind = FileKind.fromFileName(path.getFileName().toString());
                files.add(file(path, kind == null ? FileKind.ENTITIES : kind));
            } else if (Files.exists(path)) {
                throw new BundleException("'" + path + "' is neither a file nor a folder");
            } else {
                throw new BundleException("'" + path + "' does not exist");
            }
        }
        return files;
    }

    private List<BundleFile> scanFolder(Path folder) throws BundleException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path child : stream) {
                if (Files.isRegularFile(child) && FileKind.fromFileName(child.getFileName().toString()) != null) {
                    children.add(child);
                }
            }
        } catch (IOException e) {
            throw new BundleException("cannot list '" + folder + "': " + e.getMessage());
        }
        children.sort(null);
        List<BundleFile> files = new ArrayList<>();
        for (Path child : children) {
            files.add(file(child, FileKind.fromFileName(child.getFileName().toString())));
        }
        return files;
    }

    private BundleFile file(Path path, FileKind kind) throws BundleException {
        if (!Files.isReadable(path)) {
            throw new BundleException("'" + path + "' is not readable");
        }
        String name = path.toString();
        String fileName = path.getFileName().toString();
        ObjectType type = Optional.ofNullable(typeOverrides.get(name))
                .or(() -> Optional.ofNullable(typeOverrides.get(fileName)))
                .or(() -> Optional.ofNullable(typeOverrides.get(ALL_FILES)))
                .or(() -> ObjectType.fromFileName(kind == FileKind.SCHEMA
                        ? fileName.substring(0, fileName.length() - ".schema.json".length()) : fileName))
                .orElse(null);
        try {
            return BundleFile.of(path, name, kind, type);
        } catch (IOException e) {
            throw new BundleException("cannot read '" + path + "': " + e.getMessage());
        }
    }
}
