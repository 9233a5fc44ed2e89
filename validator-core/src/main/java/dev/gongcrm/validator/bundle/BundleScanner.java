package dev.gongcrm.validator.bundle;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.IoFailures;
import dev.gongcrm.validator.config.BundleConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the paths a user names into the files of one bundle. A folder contributes its entity and
 * schema files (sorted; its subfolders' too only when recursive; narrowed by include and exclude
 * globs); a file named explicitly is taken whatever its extension. Each file's kind and type come
 * from an override ({@link TypeOverride}), else from its name; a user mapping file
 * ({@link FileKind#USER_MAPPING}) maps BUSINESS_USERs.
 */
public final class BundleScanner {

    private final Map<String, TypeOverride> typeOverrides;
    private final FolderFilter filter;
    private final List<Path> skipped = new ArrayList<>();
    private final List<String> retyped = new ArrayList<>();

    /**
     * @param typeOverrides what the files of a name (or path as given) are; {@link TypeOverride#ALL_FILES} for all files
     */
    public BundleScanner(Map<String, TypeOverride> typeOverrides) {
        this(typeOverrides, FolderFilter.DEFAULT);
    }

    public BundleScanner(Map<String, TypeOverride> typeOverrides, FolderFilter filter) {
        this.typeOverrides = Map.copyOf(typeOverrides);
        this.filter = filter;
    }

    /**
     * The entity and schema files of a folder that the filter takes, sorted: what the command line's
     * --recursive, --include and --exclude and the Maven plugin's includes and excludes select.
     */
    public static List<Path> filesIn(Path folder, FolderFilter filter) throws IOException {
        return filesIn(folder, filter, new ArrayList<>());
    }

    /** {@link #filesIn(Path, FolderFilter)}, adding to {@code skipped} the files that are no entity or schema file. */
    public static List<Path> filesIn(Path folder, FolderFilter filter, List<Path> skipped) throws IOException {
        List<PathMatcher> include = matchers(filter.includes());
        List<PathMatcher> exclude = matchers(filter.excludes());
        try (Stream<Path> walk = Files.walk(folder, filter.recursive() ? Integer.MAX_VALUE : 1)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> include.isEmpty() || include.stream().anyMatch(m -> m.matches(folder.relativize(p))))
                    .filter(p -> exclude.stream().noneMatch(m -> m.matches(folder.relativize(p))))
                    .filter(p -> isBundleFile(folder, p, skipped))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Whether a file of a folder is an entity or schema file; if not, it is added to {@code skipped} unless
     * nobody would expect it checked: hidden files and folders (the ledger's {@code .gongcrm}) and the
     * bundle's configuration file.
     */
    private static boolean isBundleFile(Path folder, Path file, List<Path> skipped) {
        String name = file.getFileName().toString();
        if (FileKind.fromFileName(name) != null) {
            return true;
        }
        boolean hidden = false;
        for (Path part : folder.relativize(file)) {
            hidden |= part.toString().startsWith(".");
        }
        if (!hidden && !name.equals(BundleConfig.FILE_NAME)) {
            skipped.add(file);
        }
        return false;
    }

    /** The regular files of the folders scanned so far that were left out because they are no entity or schema file. */
    public List<Path> skipped() {
        return skipped.stream().sorted().toList();
    }

    /**
     * The files read so far whose name says another type than the one the override for every file gives them
     * ({@code --type DEAL} on a folder that also holds accounts.ldjson): most likely not what was meant.
     */
    public List<String> retyped() {
        return List.copyOf(retyped);
    }

    /** {@link #skipped()} as reports name files. */
    public List<String> skippedNames() {
        return skipped().stream().map(Path::toString).toList();
    }

    private static List<PathMatcher> matchers(List<String> patterns) {
        return patterns.stream().map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
    }

    /** The files of the bundle the paths name; a folder without a data file, or no path, is an error. */
    public List<BundleFile> scan(List<Path> paths) throws BundleException {
        if (paths.isEmpty()) {
            throw new BundleException("no path given: name bundle folders or LDJSON files");
        }
        return scan(paths, true);
    }

    /**
     * The files of the bundle the paths name, where a folder without a data file (an export folder before
     * the export, say) adds none and is no error: the caller decides what no data at all means.
     */
    public List<BundleFile> scanAllowingEmptyFolders(List<Path> paths) throws BundleException {
        return scan(paths, false);
    }

    private List<BundleFile> scan(List<Path> paths, boolean emptyFolderIsError) throws BundleException {
        List<BundleFile> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<BundleFile> found = scanFolder(path);
                if (found.isEmpty() && emptyFolderIsError) {
                    throw new BundleException("'" + path + "' holds no .ldjson, .jsonl, .ndjson or .schema.json file");
                }
                files.addAll(found);
            } else if (Files.isRegularFile(path)) {
                FileKind kind = FileKind.fromFileName(path.getFileName().toString());
                files.add(file(path, kind == null ? FileKind.ENTITIES : kind));
            } else {
                throw new BundleException("'" + path + "' " + whatItIs(path));
            }
        }
        return files;
    }

    /**
     * The entity and schema files of a folder. An entry whose name says it is one but that is no
     * regular file (a folder, a FIFO, a dangling symbolic link or a loop of them) is an error, not
     * skipped: the user meant it to be checked.
     */
    private List<BundleFile> scanFolder(Path folder) throws BundleException {
        if (!filter.isDefault()) {
            List<Path> chosen;
            try {
                chosen = filesIn(folder, filter, skipped);
            } catch (IOException e) {
                throw new BundleException("cannot list '" + folder + "': " + IoFailures.why(e));
            }
            List<BundleFile> files = new ArrayList<>();
            for (Path child : chosen) {
                files.add(file(child, FileKind.fromFileName(child.getFileName().toString())));
            }
            return files;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path child : stream) {
                if (FileKind.fromFileName(child.getFileName().toString()) == null) {
                    if (Files.isRegularFile(child)) {
                        isBundleFile(folder, child, skipped);
                    }
                    continue;
                }
                if (!Files.isRegularFile(child)) {
                    throw new BundleException("'" + child + "' " + whatItIs(child)
                            + "; a bundle folder's .ldjson, .jsonl, .ndjson and .schema.json entries must be files");
                }
                children.add(child);
            }
        } catch (IOException | DirectoryIteratorException e) {
            IOException cause = e instanceof DirectoryIteratorException d ? d.getCause() : (IOException) e;
            throw new BundleException("cannot list '" + folder + "': " + IoFailures.why(cause));
        }
        children.sort(null);
        List<BundleFile> files = new ArrayList<>();
        for (Path child : children) {
            files.add(file(child, FileKind.fromFileName(child.getFileName().toString())));
        }
        return files;
    }

    private BundleFile file(Path path, FileKind kindByName) throws BundleException {
        if (!Files.isReadable(path)) {
            throw new BundleException("'" + path + "' is not readable");
        }
        String name = path.toString();
        String fileName = path.getFileName().toString();
        Optional<TypeOverride> ownOverride = Optional.ofNullable(typeOverrides.get(name))
                .or(() -> Optional.ofNullable(typeOverrides.get(path.toAbsolutePath().normalize().toString())))
                .or(() -> Optional.ofNullable(typeOverrides.get(fileName)));
        Optional<TypeOverride> override = ownOverride
                .or(() -> Optional.ofNullable(typeOverrides.get(TypeOverride.ALL_FILES)));
        FileKind kind = override.map(o -> o.kind(kindByName)).orElse(kindByName);
        ObjectType type = override.map(TypeOverride::objectType).or(() -> typeFromName(fileName, kind)).orElse(null);
        Optional<ObjectType> named = typeFromName(fileName, kind);
        if (ownOverride.isEmpty() && override.isPresent() && named.isPresent() && named.get() != type) {
            retyped.add(name);
        }
        try {
            return BundleFile.of(path, name, kind, type);
        } catch (IOException e) {
            throw new BundleException("cannot read '" + path + "': " + IoFailures.why(e));
        }
    }

    /**
     * The object type a file's name says: a user mapping file maps BUSINESS_USERs; a schema file's
     * type comes from the name before {@code .schema.json}; see {@link ObjectType#fromFileName}.
     */
    public static Optional<ObjectType> typeFromName(String fileName, FileKind kind) {
        return switch (kind) {
            case USER_MAPPING -> Optional.of(ObjectType.BUSINESS_USER);
            case SCHEMA -> ObjectType.fromFileName(fileName.substring(0, fileName.length() - ".schema.json".length()));
            case ENTITIES -> ObjectType.fromFileName(fileName);
        };
    }

    /** What a path that is neither a folder nor a regular file is, as the end of a sentence. */
    static String whatItIs(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(path)) {
                try {
                    return "is a symbolic link to '" + Files.readSymbolicLink(path) + "', which does not exist";
                } catch (IOException unreadable) {
                    return "is a symbolic link whose target does not exist";
                }
            }
            return "does not exist";
        } catch (IOException e) {
            return "cannot be read: " + IoFailures.why(e);
        }
        if (attributes.isDirectory()) {
            return "is a folder";
        }
        if (attributes.isRegularFile()) {
            return "is a file";
        }
        return "is " + specialKind(path) + ", not a regular file";
    }

    /** A FIFO, a socket or a device, as far as the file system tells. */
    private static String specialKind(Path path) {
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0140000 -> "a socket";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file (a pipe, socket or device)";
        }
    }
}
