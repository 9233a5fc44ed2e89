package dev.gongcrm.emulator;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * validator-core for object files, line by line for user mappings), keeps the first 20 in Gong's
 * wording, and stores the objects of the lines without errors (an object sent with isDeleted goes).
 */
final class UploadProcessor {

    private static final int MAX_LINE_ERRORS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CrmState state;
    private final Validator validator;

    UploadProcessor(CrmState state, Validator validator) {
        this.state = state;
        this.validator = validator;
    }

    /** Validates an object file as Gong would (one file, against the uploaded custom schema), then stores it. */
    void process(CrmState.Request request, CrmState.Type type, Path data) {
        run(request, type, "objectId", data, () -> validatorErrors(type, data));
    }

    /** Checks a {@code /map/users} file line by line, then stores its mappings as BUSINESS_USER objects. */
    void processUserMappings(CrmState.Request request, Path data) {
        run(request, CrmState.Type.BUSINESS_USER, UserMappingCheck.KEY, data, () -> {
            SortedMap<Integer, String> errorsByLine = new TreeMap<>();
            eachLine(data, (text, line) -> {
                String problem = UserMappingCheck.problem(text);
                if (problem != null) {
                    errorsByLine.put(line, problem);
                }
            });
            return errorsByLine;
        });
    }

    /** Finds the errors of a file, one description per line at most, by line number. */
    private interface LineErrors {
        SortedMap<Integer, String> find() throws IOException;
    }

    /** What every upload shares once its errors are known: store the rest, publish the outcome, drop the file. */
    private void run(CrmState.Request request, CrmState.Type type, String keyField, Path data, LineErrors lineErrors) {
        try {
            SortedMap<Integer, String> errorsByLine = lineErrors.find();
            int stored = store(type, keyField, data, errorsByLine.keySet());
            List<Map<String, Object>> errors = new ArrayList<>();
            for (Map.Entry<Integer, String> error : errorsByLine.entrySet()) {
                if (errors.size() == MAX_LINE_ERRORS) {
                    break;
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("line", error.getKey());
                line.put("description", error.getValue());
                errors.add(line);
            }
            request.errors = errors;
            request.totalErrorCount = errorsByLine.size();
            request.totalSuccessCount = stored;
            // the status goes last: a poller that sees it final sees the counts too
            request.status = errorsByLine.isEmpty() ? "DONE" : "FAILED";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(data);
            } catch (IOException ignored) {
                // the work folder goes when the emulator closes
            }
        }
    }

    private SortedMap<Integer, String> validatorErrors(CrmState.Type type, Path data) throws IOException {
        List<BundleFile> files = new ArrayList<>();
        ArrayNode schema;
        synchronized (state) {
            schema = state.schemas.get(type);
        }
        if (schema != null) {
            files.add(BundleFile.of(type.name().toLowerCase() + ".schema.json", FileKind.SCHEMA,
                    ObjectType.valueOf(type.name()), JSON.writeValueAsBytes(schema)));
        }
        files.add(BundleFile.of(data, "dataFile", FileKind.ENTITIES, ObjectType.valueOf(type.name())));
        ValidationResult result = validator.validateFiles(files);
        SortedMap<Integer, String> errorsByLine = new TreeMap<>();
        for (Finding finding : result.findings()) {
            if (finding.severity() == Severity.ERROR && finding.line() > 0 && "dataFile".equals(finding.file())) {
                errorsByLine.putIfAbsent(finding.line(), GongWording.describe(finding));
            }
        }
        return errorsByLine;
    }

    private int store(CrmState.Type type, String keyField, Path data, Set<Integer> badLines) throws IOException {
        AtomicInteger stored = new AtomicInteger();
        eachLine(data, (text, line) -> {
            if (badLines.contains(line)) {
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
            synchronized (state) {
                if (object.path("isDeleted").asBoolean(false)) {
                    state.objectsOf(type).remove(key);
                } else {
                    state.objectsOf(type).put(key, object);
                }
            }
            stored.incrementAndGet();
        });
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
