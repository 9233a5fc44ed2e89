package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.bundle.BundleException;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.BundleScanner;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.report.OutputGuard;
import dev.gongcrm.validator.report.OutputOverwritesInputException;
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
        return fix(planInto(paths, folder));
    }

    /** Replaces each input file by its fixed version (or its parts). */
    public FixSummary fixInPlace(List<Path> paths) throws BundleException, IOException {
        return fix(planInPlace(paths));
    }

    /** Fixes into a temporary folder, deleted before returning: the summary's changes say what a fix would do. */
    public FixSummary preview(List<Path> paths) throws BundleException, IOException {
        Path scratch = Files.createTempDirectory("gongcrm-fix-");
        try {
            return fix(planInto(paths, scratch));
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * A fix of the paths into {@code folder}, checked: no fixed file may land on a file of the run (the folder
     * holding an input, or a link to one there), nor two inputs on one fixed file. Nothing is written yet.
     */
    public FixPlan planInto(List<Path> paths, Path folder) throws BundleException, IOException {
        FixPlan plan = plan(paths, folder);
        Map<String, String> targets = new HashMap<>();
        for (BundleFile file : plan.files()) {
            String fileName = Path.of(file.name()).getFileName().toString();
            String earlier = targets.putIfAbsent(fileName, file.name());
            if (earlier != null) {
                throw new BundleException("'" + earlier + "' and '" + file.name() + "' would both be written as '"
                        + folder.resolve(fileName) + "'; fix them in separate runs");
            }
        }
        for (Path target : plan.targets()) {
            plan.inputs().check("the fixed file", target, "choose another --out folder, or --in-place to replace "
                    + "the input files");
        }
        return plan;
    }

    /** A fix that replaces each input by its fixed version; nothing is written yet. */
    public FixPlan planInPlace(List<Path> paths) throws BundleException, IOException {
        return plan(paths, null);
    }

    private FixPlan plan(List<Path> paths, Path outFolder) throws BundleException {
        List<BundleFile> files = new BundleScanner(options.typeOverrides()).scan(paths);
        OutputGuard inputs = new OutputGuard();
        for (BundleFile file : files) {
            inputs.protect(Path.of(file.name()));
        }
        return new FixPlan(files, outFolder, inputs);
    }

    /** Carries out a plan: each file fixed (or copied) into its target folder. */
    public FixSummary fix(FixPlan plan) throws IOException {
        if (!plan.inPlace()) {
            Files.createDirectories(plan.outFolder());
        }
        List<BundleFile> files = plan.files();
        Map<ObjectType, List<FieldSpec>> customFields = customFields(files);
        FixSummary summary = new FixSummary();
        EntityFileFixer entities = new EntityFileFixer(options, summary);
        SchemaFileFix schemaFiles = new SchemaFileFix(new DatetimeFormatFix(options.assumeZone()), summary);
        PayloadTooLargeFix splitter = new PayloadTooLargeFix(options.maxPartBytes());
        for (BundleFile file : files) {
            // in place through a symbolic link: the file it names is fixed, and the link stays a link
            Path source = plan.inPlace() ? Path.of(file.name()).toRealPath() : Path.of(file.name());
            Path folder = plan.inPlace() ? source.getParent() : plan.outFolder();
            try {
                fixFile(file, source, folder, plan, entities, schemaFiles, splitter, summary, customFields);
            } catch (CharacterCodingException e) {
                // not UTF-8: the validation reports it; the bytes are copied, never re-encoded
                place(source, folder.resolve(source.getFileName()), plan.inPlace(), summary);
            } catch (OutputOverwritesInputException e) {
                throw e; // its one line names the files already
            } catch (IOException e) {
                throw new IOException("cannot fix '" + file.name() + "' into '" + folder + "': " + reason(e), e);
            }
        }
        return summary;
    }

    private void fixFile(BundleFile file, Path source, Path folder, FixPlan plan, EntityFileFixer entities,
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
                try {
                    placeParts(parts, file, source, folder, plan, summary);
                } finally {
                    for (Path part : parts) {
                        Files.deleteIfExists(part);
                    }
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
                place(source, target, plan.inPlace(), summary);
            }
        } finally {
            if (fixed != null) {
                Files.deleteIfExists(fixed);
            }
        }
    }

    /**
     * Moves the temporary parts of a split file onto their names, once it is clear that none lands on a file of
     * the run (a part of an earlier split beside a new export of the whole file, say).
     */
    private static void placeParts(List<Path> parts, BundleFile file, Path source, Path folder, FixPlan plan,
                                   FixSummary summary) throws IOException {
        String fileName = source.getFileName().toString();
        List<Path> targets = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String partName = PayloadTooLargeFix.partName(fileName, i + 1);
            Path part = folder.resolve(partName);
            Path named = plan.inPlace() ? source.resolveSibling(partName) : part;
            plan.inputs().check("a part of '" + file.name() + "'", named, "fix the file apart from the parts of an "
                    + "earlier split, or remove those");
            targets.add(part);
        }
        for (int i = 0; i < parts.size(); i++) {
            moveInto(parts.get(i), targets.get(i), source);
            summary.wrote(targets.get(i));
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
