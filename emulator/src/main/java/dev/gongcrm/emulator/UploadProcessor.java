package dev.gongcrm.emulator;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleConfig;
import dev.gongcrm.validator.rules.RuleMeta;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

/**
 * What Gong does with an uploaded LDJSON file once it is its turn: finds the line errors (with
 * validator-core for object files, line by line for user mappings), counts every line with an error,
 * keeps the first 20 in Gong's wording, and stores the objects of the lines without errors (an object
 * sent with isDeleted goes).
 */
final class UploadProcessor {

    private static final int MAX_LINE_ERRORS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CrmState state;

    UploadProcessor(CrmState state) {
        this.state = state;
    }

    /**
     * The validation Gong's checks need: only the rules whose findings are errors in the profile (warnings
     * change nothing Gong does and would only take memory), and no cap on findings, so that every bad
     * line is known: a line past any cap would otherwise be stored as if it were valid. {@code profile}
     * names the rules of the API generation the upload came through.
     */
    static Validator.Builder gongValidation(String profile) {
        Set<String> errorRules = new java.util.TreeSet<>();
        for (RuleMeta rule : RuleCatalog.all()) {
            if (RuleCatalog.severityIn(rule, profile) == Severity.ERROR) {
                errorRules.add(rule.name());
            }
        }
        return Validator.builder().profile(profile).rules(new RuleConfig(errorRules, Set.of(), Map.of()))
                .maxFindings(Integer.MAX_VALUE);
    }

    /**
     * Validates an object file as Gong would (one file, against the uploaded custom schema, with the rules
     * of the generation it came through), then stores it.
     */
    void process(CrmState.Request request, ObjectType type, Path data, Validator validator) {
        run(request, type, "objectId", data, () -> validatorErrors(type, data, validator));
    }

    /** Checks a {@code /map/users} file line by line, then stores its mappings as BUSINESS_USER objects. */
    void processUserMappings(CrmState.Request request, Path data) {
        run(request, ObjectType.BUSINESS_USER, UserMappingCheck.KEY, data, () -> {
            LineErrors errors = new LineErrors();
            eachLine(data, (text, line) -> {
                String problem = UserMappingCheck.problem(text);
                if (problem != null) {
                    errors.add(line, problem);
                }
            });
            return errors;
        });
    }

    /**
     * The lines of a file that have errors: all of them as bits (a 200 MB file has a few million lines
     * at most: well under a megabyte), the description of the first {@value #MAX_LINE_ERRORS}.
     */
    static final class LineErrors {
        private final BitSet lines = new BitSet();
        private final TreeMap<Integer, String> first = new TreeMap<>();

        /** The first description given for a line is its description. */
        void add(int line, String description) {
            lines.set(line);
            if (first.containsKey(line) || (first.size() == MAX_LINE_ERRORS && line > first.lastKey())) {
                return;
            }
            first.put(line, description);
            if (first.size() > MAX_LINE_ERRORS) {
                first.pollLastEntry();
            }
        }

        boolean has(int line) {
            return lines.get(line);
        }

        int count() {
            return lines.cardinality();
        }

        SortedMap<Integer, String> first() {
            return first;
        }
    }

    /** Finds the errors of a file. */
    private interface ErrorFinder {
        LineErrors find() throws IOException;
    }

    /**
     * What every upload shares once its errors are known: store the rest, drop the file, publish the
     * outcome (in that order: whoever sees the request final finds its file gone).
     */
    private void run(CrmState.Request request, ObjectType type, String keyField, Path data, ErrorFinder finder) {
        LineErrors lineErrors;
        int stored;
        try {
            lineErrors = finder.find();
            stored = store(type, keyField, data, lineErrors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(data);
            } catch (IOException ignored) {
                // the work folder goes when the emulator closes
            }
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Map.Entry<Integer, String> error : lineErrors.first().entrySet()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", error.getKey());
            line.put("description", error.getValue());
            errors.add(line);
        }
        state.requests.finish(request.clientRequestId(), lineErrors.count() == 0 ? "DONE" : "FAILED", errors,
                lineErrors.count(), stored);
    }

    private LineErrors validatorErrors(ObjectType type, Path data, Validator validator) throws IOException {
        List<BundleFile> files = new ArrayList<>();
        CrmState.Schema schema;
        synchronized (state) {
            schema = state.schemas.get(type);
        }
        if (schema != null) {
            files.add(BundleFile.of(type.name().toLowerCase() + ".schema.json", FileKind.SCHEMA,
                    type, JSON.writeValueAsBytes(schema.fields())));
        }
        files.add(BundleFile.of(data, "dataFile", FileKind.ENTITIES, type));
        ValidationResult result = validator.validateFiles(files);
        LineErrors errors = new LineErrors();
        for (Finding finding : result.findings()) {
            if (finding.severity() == Severity.ERROR && finding.line() > 0 && "dataFile".equals(finding.file())) {
                errors.add(finding.line(), GongMessages.describe(finding));
            }
        }
        return errors;
    }

    private int store(ObjectType type, String keyField, Path data, LineErrors errors) throws IOException {
        AtomicInteger stored = new AtomicInteger();
        try (ObjectStore.Batch batch = state.objects.batch()) {
            eachLine(data, (text, line) -> {
                if (errors.has(line)) {
                    return;
                }
                JsonNode object;
                try {
                    object = JSON.readTree(text);
                } catch (RuntimeException unparsable) {
                    return;
                }
                String key = object.path(keyField).asString(null);
                if (key == null) {
                    return;
                }
                if (object.path("isDeleted").asBoolean(false)) {
                    batch.delete(type, key);
                } else {
                    batch.put(type, key, text);
                }
                stored.incrementAndGet();
            });
        }
        return stored.get();
    }

    /** Hands each non-blank line to the visitor with its 1-based number, as request-status counts lines. */
    private static void eachLine(Path data, ObjIntConsumer<String> visitor) throws IOException {
        // malformed UTF-8 is replaced rather than thrown: one such line is a line error, not a failed file
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(data),
                StandardCharsets.UTF_8))) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (!text.isBlank()) {
                    visitor.accept(text, line);
                }
            }
        }
    }
}
