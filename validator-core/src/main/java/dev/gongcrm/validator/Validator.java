package dev.gongcrm.validator;

import java.util.LinkedHashSet;
import dev.gongcrm.validator.bundle.FolderFilter;
import dev.gongcrm.validator.config.BundleConfig;
import dev.gongcrm.validator.bundle.BundleException;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.BundleScanner;
import dev.gongcrm.validator.bundle.TypeOverride;
import dev.gongcrm.validator.engine.BundleRun;
import dev.gongcrm.validator.rules.RuleConfig;
import dev.gongcrm.validator.schema.ProfileSchemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point for programs: validates a bundle (folders and files, or in-memory files and
 * streams) and returns every finding. Immutable and thread-safe; each call is an independent run.
 *
 * <pre>{@code
 * ValidationResult result = Validator.builder().initialUpload(true).build()
 *         .validate(List.of(Path.of("src/main/gongcrm")));
 * result.findings().forEach(f -> System.out.println(f.file() + ":" + f.line() + " " + f.message()));
 * }</pre>
 */
public final class Validator {

    private final ProfileSchemas schemas;
    private final RuleConfig rules;
    private final ValidationOptions options;
    private final Map<String, TypeOverride> typeOverrides;
    private final int maxFindings;
    private final PriorUploads priorUploads;
    private final FolderFilter folderFilter;

    private Validator(Builder builder) {
        this.schemas = ProfileSchemas.of(builder.profile);
        this.rules = builder.rules;
        this.options = new ValidationOptions(builder.initialUpload, builder.dialer);
        this.typeOverrides = Map.copyOf(builder.typeOverrides);
        this.maxFindings = builder.maxFindings;
        this.priorUploads = builder.priorUploads;
        this.folderFilter = builder.folderFilter;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The validation the settings ask for; a wrong value is an IllegalArgumentException that names it. */
    public static Builder builder(BundleConfig settings) {
        Map<String, Severity> levels = new HashMap<>();
        settings.severities().forEach((rule, level) -> levels.put(rule, Severity.parse(level)));
        Builder builder = builder()
                .rules(new RuleConfig(new LinkedHashSet<>(settings.select()), new LinkedHashSet<>(settings.ignore()),
                        levels))
                .initialUpload(settings.initial())
                .dialer(settings.dialer())
                .folderFilter(settings.folderFilter())
                .profile(settings.profile())
                .maxFindings(settings.maxFindings());
        settings.typeOverrides().forEach(builder::type);
        return builder;
    }

    /** Validates the files and folders as one bundle. */
    public ValidationResult validate(List<Path> paths) throws BundleException, IOException {
        BundleScanner scanner = new BundleScanner(typeOverrides, folderFilter);
        List<BundleFile> files = scanner.scan(paths);
        return validateFiles(files).withSkipped(scanner.skippedNames());
    }

    /** Validates files the caller assembled (in memory, streams...) as one bundle. */
    public ValidationResult validateFiles(List<BundleFile> files) throws IOException {
        try {
            return new BundleRun(schemas, rules, options, maxFindings, priorUploads).run(files);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static final class Builder {
        private String profile = ProfileSchemas.DEFAULT_PROFILE;
        private RuleConfig rules = RuleConfig.ALL;
        private boolean initialUpload;
        private boolean dialer;
        private final Map<String, TypeOverride> typeOverrides = new HashMap<>();
        private int maxFindings = BundleConfig.DEFAULT_MAX_FINDINGS;
        private PriorUploads priorUploads = PriorUploads.NONE;
        private FolderFilter folderFilter = FolderFilter.DEFAULT;

        private Builder() {
        }

        /** What earlier uploads left in Gong (a push's ledger): references may point there, schemas compare with it. */
        public Builder priorUploads(PriorUploads priorUploads) {
            this.priorUploads = java.util.Objects.requireNonNull(priorUploads);
            return this;
        }

        /** The API profile whose schemas apply: {@code legacy} (the default) or {@code current}. */
        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        public Builder rules(RuleConfig rules) {
            this.rules = rules;
            return this;
        }

        /** The first upload of an integration: deleted objects should not be sent. */
        public Builder initialUpload(boolean initialUpload) {
            this.initialUpload = initialUpload;
            return this;
        }

        /** Gong imports dialer calls: contacts and leads need a phoneNumber. */
        public Builder dialer(boolean dialer) {
            this.dialer = dialer;
            return this;
        }

        /** The object type of files whose name (or path as given) is {@code file}; {@code "*"} for all files. */
        public Builder type(String file, ObjectType type) {
            return type(file, TypeOverride.of(type));
        }

        /** What files whose name (or path as given) is {@code file} are (an object type or a user mapping file). */
        public Builder type(String file, TypeOverride type) {
            typeOverrides.put(file, type);
            return this;
        }

        /** Which files of a bundle folder {@link #validate} takes (default: the entity and schema files in it). */
        public Builder folderFilter(FolderFilter folderFilter) {
            this.folderFilter = java.util.Objects.requireNonNull(folderFilter);
            return this;
        }

        /** How many findings a result keeps at most; 0 keeps none (the counts only). */
        public Builder maxFindings(int maxFindings) {
            if (maxFindings < 0) {
                throw new IllegalArgumentException("max findings must not be negative");
            }
            this.maxFindings = maxFindings;
            return this;
        }

        public Validator build() {
            ProfileSchemas.requireKnown(profile);
            return new Validator(this);
        }
    }
}
