package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.bundle.BundleException;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.BundleScanner;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.report.ReportFiles;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.ProfileSchemas;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code gongcrm fix}: repairs what can be repaired without a decision (see the fix classes of this
 * package, one per rule) and writes the bundle whole: files that need no fix are copied byte for byte,
 * so the output folder is a complete bundle. Every file is written to a temporary file in its target
 * folder and renamed over the target, so a reader sees the old file or the new one, never half of one.
 */
public final class BundleFixer {

    private final FixOptions options;
    private final ProfileSchemas schemas;

    public BundleFixer(FixOptions options) {
        this.options = options;
        this.schemas = ProfileSchemas.of(options.profile());
    }

    /** Writes the fixed bundle into {@code folder} (created if needed); the input files are not touched. */
    public FixSummary fixInto(List<Path> paths, Path folder) throws BundleException, IOException {
        return fix(paths, folder, false);
    }

    /** Replaces each input file by its fixed version (or its parts). */
    public FixSummary fixInPlace(List<Path> paths) throws BundleException, IOException {
        return fix(paths, null, true);
    }

    /** Fixes into a temporary folder, deleted before returning: the summary's changes say what a fix would do. */
    public FixSummary preview(List<Path> paths) throws BundleException, IOException {
        Path scratch = Files.createTempDirectory("gongcrm-fix-");
        try {
            return fix(paths, scratch, false);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private FixSummary fix(List<Path> paths, Path outFolder, boolean inPlace) throws BundleException, IOException {
        List<BundleFile> files = new BundleScanner(options.typeOverrides()).scan(paths);
        Map<String, String> targets = new HashMap<>();
        for (BundleFile file : files) {
            String fileName = Path.of(file.name()).getFileName().toString();
            String earlier = targets.putIfAbsent(fileName, file.name());
            if (outFolder != null && earlier != null) {
                throw new BundleException("'" + earlier + "' and '" + file.name() + "' would both be written as '"
                        + outFolder.resolve(fileName) + "'; fix them in separate runs");
            }
            Path target = outFolder == null ? null : outFolder.resolve(fileName);
            if (!inPlace && Files.exists(target) && Files.isSameFile(target, Path.of(file.name()))) {
                throw new BundleException("the output folder '" + outFolder + "' holds the input '" + file.name()
                        + "'; choose another folder, or --in-place to replace the input files");
            }
        }
        if (outFolder != null) {
            // only now: a run refused for its input leaves no empty output folder behind
            Files.createDirectories(outFolder);
        }
        Map<ObjectType, List<FieldSpec>> customFields = customFields(files);
        FixSummary summary = new FixSummary();
        EntityFileFixer entities = new EntityFileFixer(options, summary);
        SchemaFileFix schemaFiles = new SchemaFileFix(new DatetimeFormatFix(options.assumeZone()), summary);
        PayloadTooLargeFix splitter = new PayloadTooLargeFix(options.maxPartBytes());
        for (BundleFile file : files) {
            Path source = Path.of(file.name());
            Path folder = inPlace ? source.toAbsolutePath().getParent() : outFolder;
            try {
                fixFile(file, source, folder, inPlace, entities, schemaFiles, splitter, summary, customFields);
            } catch (CharacterCodingException e) {
                // not UTF-8: the validation reports it; the bytes are copied, never re-encoded
                place(source, folder.resolve(source.getFileName()), inPlace, summary);
            } catch (IOException e) {
                throw new IOException("cannot fix '" + file.name() + "' into '" + folder + "': " + reason(e), e);
            }
        }
        return summary;
    }

    private void fixFile(BundleFile file, Path source, Path folder, boolean inPlace, EntityFileFixer entities,
                         SchemaFileFix schemaFiles, PayloadTooLargeFix splitter, FixSummary summary,
                         Map<ObjectType, List<FieldSpec>> customFields) throws IOException {
        String fileName = source.getFileName().toString();
        Path target = folder.resolve(fileName);
        Path fixed;
        if (file.kind() == FileKind.SCHEMA) {
            fixed = schemaFiles.fix(source, file.name(), folder);
        } else if (file.kind() == FileKind.USER_MAPPING) {
            fixed = schemas.userMapping() == null ? null : entities.fix(source, file.name(), schemas.userMapping(), folder);
        } else if (file.type() != null) {
            fixed = entities.fix(source, file.name(), schemas.type(file.type())
                    .withCustomFields(customFields.getOrDefault(file.type(), List.of())), folder);
        } else {
            // without a type there is no schema to fix by; the validation reports the file
            fixed = null;
        }
        try {
            Path content = fixed != null ? fixed : source;
            if (file.kind() != FileKind.SCHEMA && splitter.needsSplit(content)) {
                List<Path> parts = splitter.split(content, folder);
                for (int i = 0; i < parts.size(); i++) {
                    Path part = folder.resolve(PayloadTooLargeFix.partName(fileName, i + 1));
                    moveInto(parts.get(i), part, source);
                    summary.wrote(part);
                }
                // the parts replace the whole file, in the output as in place
                Files.deleteIfExists(target);
                summary.count(PayloadTooLargeFix.RULE, 1);
                summary.record(new FixSummary.Change(file.name(), 0, PayloadTooLargeFix.RULE, null,
                        "split into " + parts.size() + " parts: " + PayloadTooLargeFix.partName(fileName, 1) + "..."));
            } else if (fixed != null) {
                moveInto(fixed, target, source);
                summary.wrote(target);
            } else {
                place(source, target, inPlace, summary);
            }
        } finally {
            if (fixed != null) {
                Files.deleteIfExists(fixed);
            }
        }
    }

    /** The custom fields of each type, from the bundle's schema files (as the validation reads them). */
    private Map<ObjectType, List<FieldSpec>> customFields(List<BundleFile> files) throws IOException {
        Map<ObjectType, List<FieldSpec>> fields = new EnumMap<>(ObjectType.class);
        for (BundleFile file : files) {
            if (file.kind() != FileKind.SCHEMA || file.type() == null) {
                continue;
            }
            try {
                fields.computeIfAbsent(file.type(), type -> new ArrayList<>())
                        .addAll(SchemaFileFix.customFields(Path.of(file.name()), schemas));
            } catch (CharacterCodingException e) {
                // not UTF-8: the validation reports it, and no field of it can be trusted
            } catch (IOException e) {
                throw new IOException("cannot read '" + file.name() + "': " + reason(e), e);
            }
        }
        return fields;
    }

    /** A file that needs no fix: copied unchanged into the output, or left where it is. */
    private static void place(Path source, Path target, boolean inPlace, FixSummary summary) throws IOException {
        if (!inPlace) {
            Path copy = LineFiles.temporary(target.getParent());
            try {
                Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                moveInto(copy, target, source);
            } finally {
                Files.deleteIfExists(copy);
            }
        }
        summary.wrote(target);
    }

    /** Renames a finished temporary file over {@code target}, with the permissions of the input it comes from. */
    private static void moveInto(Path temporary, Path target, Path source) throws IOException {
        try {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(source));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the new file has the folder's default permissions
        }
        ReportFiles.moveAtomically(temporary, target);
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            return (fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName())
                    + (fs.getFile() != null ? " ('" + fs.getFile() + "')" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
