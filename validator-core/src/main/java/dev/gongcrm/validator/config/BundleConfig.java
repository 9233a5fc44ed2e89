package dev.gongcrm.validator.config;

import dev.gongcrm.validator.read.SyntaxMessages;
import dev.gongcrm.validator.DidYouMean;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.IoFailures;
import dev.gongcrm.validator.bundle.FolderFilter;
import dev.gongcrm.validator.bundle.TypeOverride;
import dev.gongcrm.validator.report.ReportRequest;
import dev.gongcrm.validator.rules.RuleConfig;
import dev.gongcrm.validator.schema.ProfileSchemas;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a bundle is validated, as one place holds it for the command line and the Maven plugin alike: the
 * bundle's configuration file ({@value #FILE_NAME}), with what the user says on the command line or in the
 * POM laid over it. A setting left unsaid is null here and takes the engine's default.
 *
 * <pre>{@code
 * {
 *   "profile": "legacy",
 *   "select": [], "ignore": ["unknown-field"],
 *   "severities": {"deprecated-field": "error"},
 *   "types": {"export.ldjson": "DEAL", "crm-users.ldjson": "USER_MAPPING"},
 *   "initial": false, "dialer": false,
 *   "include": ["*.ldjson"], "exclude": ["archive/**"], "recursive": false,
 *   "failOn": "error", "maxFindings": 10000,
 *   "ledger": "postgresql://gongcrm@db.example.com:5432/gongcrm",
 *   "formats": ["text", "sarif=reports/gongcrm.sarif", "html=reports/gongcrm.html"]
 * }
 * }</pre>
 */
public final class BundleConfig {

    /** The name of a bundle's configuration file, looked for in each bundle folder. */
    public static final String FILE_NAME = "gongcrm.json";

    /** The default cap on findings kept in a result; counts go on past it. */
    public static final int DEFAULT_MAX_FINDINGS = 10_000;

    /** Nothing said: every setting takes its default. */
    public static final BundleConfig NONE = new Builder().build();

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final List<String> KEYS = List.of("profile", "select", "ignore", "severities", "types", "initial",
            "dialer", "include", "exclude", "recursive", "failOn", "maxFindings", "ledger", "formats");
    /** Keys an editor adds for itself, which mean nothing to the engine. */
    private static final Set<String> EDITOR_KEYS = Set.of("$schema", "$comment");

    private final String profile;
    private final List<String> select;
    private final List<String> ignore;
    private final Map<String, String> severities;
    private final Map<String, String> types;
    private final Boolean initial;
    private final Boolean dialer;
    private final List<String> include;
    private final List<String> exclude;
    private final Boolean recursive;
    private final String failOn;
    private final Integer maxFindings;
    private final String ledger;
    private final List<String> formats;
    /** The file these settings were read from, or null when none was. */
    private final Path source;

    private BundleConfig(Builder builder) {
        this.profile = builder.profile;
        this.select = builder.select;
        this.ignore = builder.ignore;
        this.severities = Map.copyOf(builder.severities);
        this.types = Map.copyOf(builder.types);
        this.initial = builder.initial;
        this.dialer = builder.dialer;
        this.include = builder.include;
        this.exclude = builder.exclude;
        this.recursive = builder.recursive;
        this.failOn = builder.failOn;
        this.maxFindings = builder.maxFindings;
        this.ledger = builder.ledger;
        this.formats = builder.formats;
        this.source = builder.source;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The configuration for a run over {@code paths}: the file named explicitly, else the {@value #FILE_NAME}
     * of the bundle folders (a file's folder for a file), else {@link #NONE}. Two bundles with different
     * configuration files are an error, as one run has one configuration.
     */
    public static BundleConfig load(Path explicit, List<Path> paths) throws ConfigException {
        if (explicit != null) {
            return read(explicit);
        }
        Optional<Path> found = find(paths);
        return found.isPresent() ? read(found.get()) : NONE;
    }

    /** The configuration file next to the bundle, if there is one (see {@link #load}). */
    public static Optional<Path> find(List<Path> paths) throws ConfigException {
        // one file per run: the same file reached by two paths is one; named as the user named the bundle
        Map<Path, Path> found = new LinkedHashMap<>();
        for (Path path : paths) {
            Path folder = Files.isDirectory(path) ? path : path.getParent() != null ? path.getParent() : Path.of("");
            Path file = folder.resolve(FILE_NAME);
            if (Files.isRegularFile(file)) {
                found.putIfAbsent(file.toAbsolutePath().normalize(), file);
            }
        }
        if (found.size() > 1) {
            throw new ConfigException("the bundles have different configuration files (" + String.join(", ",
                    found.values().stream().map(Path::toString).toList()) + "); name the one to use explicitly");
        }
        return found.values().stream().findFirst();
    }

    /** Reads a configuration file; a mistake in it is a ConfigException naming the file, line, column and key. */
    public static BundleConfig read(Path file) throws ConfigException {
        if (Files.isDirectory(file)) {
            throw new ConfigException("the configuration file '" + file + "' is a folder; name the file, e.g. "
                    + file.resolve(FILE_NAME));
        }
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read the configuration file '" + file + "': " + IoFailures.why(e));
        }
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            return new FileReader(file, parser).read();
        } catch (JacksonException e) {
            String at = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr();
            throw new ConfigException(file + at + ": not valid JSON: " + SyntaxMessages.reason(e));
        }
    }

    /** This configuration with every setting {@code over} says replacing this one's (per key for maps). */
    public BundleConfig overriddenBy(BundleConfig over) {
        Builder merged = new Builder();
        merged.profile = or(over.profile, profile);
        merged.select = or(over.select, select);
        merged.ignore = or(over.ignore, ignore);
        merged.severities.putAll(severities);
        merged.severities.putAll(over.severities);
        // a type the user gives now replaces the file's: --type DEAL must beat a file's per-name entry
        merged.types.putAll(over.types.isEmpty() ? types : over.types);
        merged.initial = or(over.initial, initial);
        merged.dialer = or(over.dialer, dialer);
        merged.include = or(over.include, include);
        merged.exclude = or(over.exclude, exclude);
        merged.recursive = or(over.recursive, recursive);
        merged.failOn = or(over.failOn, failOn);
        merged.maxFindings = or(over.maxFindings, maxFindings);
        merged.ledger = or(over.ledger, ledger);
        merged.formats = or(over.formats, formats);
        merged.source = or(over.source, source);
        return merged.build();
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** The rules to run; empty for every rule. */
    public List<String> select() {
        return orEmpty(select);
    }

    /** The rules not to run. */
    public List<String> ignore() {
        return orEmpty(ignore);
    }

    /** Each rule whose severity is changed, with its severity as written. */
    public Map<String, String> severities() {
        return severities;
    }

    public boolean dialer() {
        return Boolean.TRUE.equals(dialer);
    }

    /** What the files of each name are ({@link TypeOverride#ALL_FILES} for every file). */
    public Map<String, TypeOverride> typeOverrides() {
        Map<String, TypeOverride> overrides = new LinkedHashMap<>();
        types.forEach((file, type) -> overrides.put(file, TypeOverride.parse(type)));
        return overrides;
    }

    public FolderFilter folderFilter() {
        return new FolderFilter(orEmpty(include), orEmpty(exclude), Boolean.TRUE.equals(recursive));
    }

    /** The least severity that fails the run (default error); empty for {@code never}. */
    public Optional<Severity> failLevel() {
        return failOn == null ? Optional.of(Severity.ERROR) : Severity.parseFailLevel(failOn);
    }

    /** The API profile ({@link ProfileSchemas#DEFAULT_PROFILE} unless said). */
    public String profile() {
        return profile != null ? profile : ProfileSchemas.DEFAULT_PROFILE;
    }

    /** How many findings a result keeps at most. */
    public int maxFindings() {
        return maxFindings != null ? maxFindings : DEFAULT_MAX_FINDINGS;
    }

    public boolean initial() {
        return Boolean.TRUE.equals(initial);
    }

    /**
     * The ledger of pushes, when the settings name one: a database URL as written, or a file, relative to
     * the configuration file's folder when it was read from one.
     */
    public Optional<String> ledger() {
        if (ledger == null || ledger.contains("://") || source == null) {
            return Optional.ofNullable(ledger);
        }
        Path folder = source.toAbsolutePath().getParent();
        return Optional.of(folder == null ? ledger : folder.resolve(ledger).toString());
    }

    /**
     * The reports the settings ask for, in their order, or none when they say nothing (the command line's or
     * the POM's own default applies); a file is relative to the configuration file's folder when it was read
     * from one.
     */
    public List<ReportRequest> reports() {
        Path folder = source == null ? null : source.toAbsolutePath().getParent();
        return orEmpty(formats).stream().map(format -> ReportRequest.parse(format, folder)).toList();
    }

    /**
     * Every setting, one per line in a fixed order, maps sorted: equal texts mean equal runs, so a build can
     * tell that its settings have not changed since a run it recorded.
     */
    public String describe() {
        return String.join("\n", "profile=" + profile, "select=" + select, "ignore=" + ignore,
                "severities=" + new java.util.TreeMap<>(severities), "types=" + new java.util.TreeMap<>(types),
                "initial=" + initial, "dialer=" + dialer, "include=" + include, "exclude=" + exclude,
                "recursive=" + recursive, "failOn=" + failOn, "maxFindings=" + maxFindings, "ledger=" + ledger,
                "formats=" + formats);
    }

    /** The configuration file these settings come from, when one was read: an input of the run like the bundle. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    /** Settings one at a time; what is not set stays unsaid. */
    public static final class Builder {
        private String profile;
        private List<String> select;
        private List<String> ignore;
        private final Map<String, String> severities = new LinkedHashMap<>();
        private final Map<String, String> types = new LinkedHashMap<>();
        private Boolean initial;
        private Boolean dialer;
        private List<String> include;
        private List<String> exclude;
        private Boolean recursive;
        private String failOn;
        private Integer maxFindings;
        private String ledger;
        private List<String> formats;
        private Path source;

        private Builder() {
        }

        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        /** The rules to run; null (or an empty list from a flag never given) leaves it unsaid. */
        public Builder select(List<String> select) {
            this.select = select == null ? null : List.copyOf(select);
            return this;
        }

        public Builder ignore(List<String> ignore) {
            this.ignore = ignore == null ? null : List.copyOf(ignore);
            return this;
        }

        public Builder severity(String rule, String level) {
            severities.put(rule, level);
            return this;
        }

        /** The object type, or {@code USER_MAPPING}, of the files named {@code file} ({@link TypeOverride#ALL_FILES} for all). */
        public Builder type(String file, String type) {
            types.put(file, type);
            return this;
        }

        public Builder initial(Boolean initial) {
            this.initial = initial;
            return this;
        }

        public Builder dialer(Boolean dialer) {
            this.dialer = dialer;
            return this;
        }

        public Builder include(List<String> include) {
            this.include = include == null ? null : List.copyOf(include);
            return this;
        }

        public Builder exclude(List<String> exclude) {
            this.exclude = exclude == null ? null : List.copyOf(exclude);
            return this;
        }

        public Builder recursive(Boolean recursive) {
            this.recursive = recursive;
            return this;
        }

        public Builder failOn(String failOn) {
            this.failOn = failOn;
            return this;
        }

        public Builder maxFindings(Integer maxFindings) {
            this.maxFindings = maxFindings;
            return this;
        }

        /** The ledger: a file, or a PostgreSQL URL (without its password). */
        public Builder ledger(String ledger) {
            this.ledger = ledger;
            return this;
        }

        /** The reports to write, each {@code FORMAT} or {@code FORMAT=FILE}; null leaves it unsaid. */
        public Builder formats(List<String> formats) {
            this.formats = formats == null ? null : List.copyOf(formats);
            return this;
        }

        public BundleConfig build() {
            return new BundleConfig(this);
        }
    }

    /** One configuration file, read with its positions so that each mistake is reported where it is. */
    private static final class FileReader {
        private final Path file;
        private final JsonParser parser;
        private final Builder config = new Builder();

        FileReader(Path file, JsonParser parser) {
            this.file = file;
            this.parser = parser;
        }

        BundleConfig read() throws ConfigException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw problem("the configuration must be a JSON object, e.g. {\"ignore\": [\"unknown-field\"]}");
            }
            for (String key = parser.nextName(); key != null; key = parser.nextName()) {
                JsonToken value = parser.nextToken();
                if (EDITOR_KEYS.contains(key)) {
                    parser.skipChildren();
                    continue;
                }
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                readSetting(key, value);
            }
            if (parser.nextToken() != null) {
                throw problem("content after the configuration object");
            }
            config.source = file;
            return config.build();
        }

        private void readSetting(String key, JsonToken value) throws ConfigException {
            switch (key) {
                case "profile" -> {
                    String profile = string(key, value);
                    check(key, () -> ProfileSchemas.requireKnown(profile));
                    config.profile(profile);
                }
                case "select" -> config.select(ruleNames(key, value));
                case "ignore" -> config.ignore(ruleNames(key, value));
                case "severities" -> {
                    for (Map.Entry<String, String> entry : stringMap(key, value).entrySet()) {
                        check(key + "." + entry.getKey(), () -> {
                            requireRule(entry.getKey());
                            Severity.parse(entry.getValue());
                        });
                        config.severity(entry.getKey(), entry.getValue());
                    }
                }
                case "types" -> {
                    for (Map.Entry<String, String> entry : stringMap(key, value).entrySet()) {
                        check(key + "." + entry.getKey(), () -> TypeOverride.parse(entry.getValue()));
                        config.type(typeKey(entry.getKey()), entry.getValue());
                    }
                }
                case "initial" -> config.initial(bool(key, value));
                case "dialer" -> config.dialer(bool(key, value));
                case "include" -> config.include(globs(key, value));
                case "exclude" -> config.exclude(globs(key, value));
                case "recursive" -> config.recursive(bool(key, value));
                case "failOn" -> {
                    String level = string(key, value);
                    check(key, () -> Severity.parseFailLevel(level));
                    config.failOn(level);
                }
                case "ledger" -> config.ledger(string(key, value));
                case "formats" -> config.formats(reportFormats(key, value));
                case "maxFindings" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
                            || parser.getIntValue() < 0) {
                        throw problem("'maxFindings' must be a whole number of at least 0");
                    }
                    config.maxFindings(parser.getIntValue());
                }
                default -> {
                    String hint = DidYouMean.hint(key, KEYS);
                    throw problem("unknown setting '" + key + "'"
                            + (hint.isEmpty() ? "; the settings are " + String.join(", ", KEYS) : hint));
                }
            }
        }

        private List<String> ruleNames(String key, JsonToken value) throws ConfigException {
            List<String> names = new ArrayList<>();
            if (value != JsonToken.START_ARRAY) {
                throw problem("'" + key + "' must be an array of rule names, e.g. [\"unknown-field\"]");
            }
            for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                String name = string(key, element);
                check(key, () -> requireRule(name));
                names.add(name);
            }
            return names;
        }

        /** Each FORMAT or FORMAT=FILE, checked where it is written. */
        private List<String> reportFormats(String key, JsonToken value) throws ConfigException {
            List<String> formats = new ArrayList<>();
            if (value != JsonToken.START_ARRAY) {
                throw problem("'" + key + "' must be an array of strings, e.g. [\"text\", \"html=reports/gongcrm.html\"]");
            }
            for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                String format = string(key, element);
                check(key, () -> ReportRequest.parse(format, file.toAbsolutePath().getParent()));
                formats.add(format);
            }
            return formats;
        }

        private List<String> strings(String key, JsonToken value) throws ConfigException {
            List<String> strings = new ArrayList<>();
            if (value != JsonToken.START_ARRAY) {
                throw problem("'" + key + "' must be an array of strings");
            }
            for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                strings.add(string(key, element));
            }
            return strings;
        }

        /**
         * A key of {@code types}: a file name as it is; a path ({@code 2024/export.ldjson}) relative to this
         * file's folder, so that it names the same file from wherever the tool is run.
         */
        private String typeKey(String key) {
            if (!key.contains("/") && !key.contains("\\")) {
                return key;
            }
            return file.toAbsolutePath().normalize().resolveSibling(key).normalize().toString();
        }

        /** Glob patterns, each checked now so that a broken one is reported here, not when folders are read. */
        private List<String> globs(String key, JsonToken value) throws ConfigException {
            List<String> globs = strings(key, value);
            for (String glob : globs) {
                check(key, () -> FolderFilter.checkGlob(glob));
            }
            return globs;
        }

        private Map<String, String> stringMap(String key, JsonToken value) throws ConfigException {
            if (value != JsonToken.START_OBJECT) {
                throw problem("'" + key + "' must be an object of names to strings");
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                map.put(name, string(key + "." + name, parser.nextToken()));
            }
            return map;
        }

        private String string(String key, JsonToken value) throws ConfigException {
            if (value != JsonToken.VALUE_STRING) {
                throw problem("'" + key + "' must be a string");
            }
            return parser.getString();
        }

        private Boolean bool(String key, JsonToken value) throws ConfigException {
            if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                throw problem("'" + key + "' must be true or false");
            }
            return value == JsonToken.VALUE_TRUE;
        }

        private static void requireRule(String name) {
            new RuleConfig(Set.of(name), Set.of(), Map.of());
        }

        /** Runs a check of a value; its IllegalArgumentException becomes a problem at the value's position. */
        private void check(String key, Runnable validation) throws ConfigException {
            try {
                validation.run();
            } catch (IllegalArgumentException e) {
                throw problem("'" + key + "': " + e.getMessage());
            }
        }

        private ConfigException problem(String message) {
            return new ConfigException(file + ":" + parser.currentTokenLocation().getLineNr() + ":"
                    + parser.currentTokenLocation().getColumnNr() + ": " + message);
        }
    }
}
